using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// What the bot knows about an intent besides its examples: what kind it is, who may use it, its name in a
/// "Maksud Anda …?" question, and the typed command a button sends for it (so the button always works).
/// </summary>
public sealed record IntentDefinition(
    string Name,
    IntentKind Kind,
    Audience Audience,
    LocalizedText Label,
    Func<MessageEntities, bool, string?> Command)
{
    /// <summary>The typed command for this intent with the entities the message carried, or null when it has none.</summary>
    public string? CommandFor(MessageEntities entities, bool english) => Command(entities, english);

    /// <summary>True when the user's role may run it.</summary>
    public bool AllowedFor(Domain.Role role) => Audience switch
    {
        Audience.Fokal => role == Domain.Role.Fokal,
        Audience.Coordinator => role == Domain.Role.Koordinator,
        Audience.FokalOrCoordinator => role is Domain.Role.Fokal or Domain.Role.Koordinator,
        _ => true,
    };
}
