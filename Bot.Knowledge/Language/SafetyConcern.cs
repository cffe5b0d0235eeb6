namespace Bot.Knowledge.Language;

/// <summary>What the safety screen found in a message; anything but <see cref="None"/> goes to the safety answers.</summary>
public enum SafetyConcern
{
    None,

    /// <summary>A life is in danger now: overdose, collapse, seizure, psychosis after use.</summary>
    Emergency,

    /// <summary>A request to obtain, make, grow, dose or use a drug.</summary>
    ObtainOrUse,

    /// <summary>Someone wants to quit, or wants help for a relative or friend who uses.</summary>
    SeekingHelp,

    /// <summary>Someone fears that reporting an addiction or seeking rehabilitation leads to arrest or prison.</summary>
    FearOfReporting,

    /// <summary>A request to hide drug use, beat or fake a drug test, or escape a raid.</summary>
    Evasion,

    /// <summary>The writer, or someone near them, wants to die or hurt themselves.</summary>
    SelfHarm,

    /// <summary>Someone fears revenge, threats or exposure for reporting drug dealing or for testifying about it.</summary>
    FearOfRetaliation,
}
