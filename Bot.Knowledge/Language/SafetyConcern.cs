namespace Bot.Knowledge.Language;

/// <summary>What the safety screen found in a message; anything but <see cref="None"/> goes to the safety answers.</summary>
public enum SafetyConcern
{
    None,
    Emergency,
    ObtainOrUse,
    SeekingHelp,
}
