namespace Bot.Knowledge.Language;

/// <summary>
/// Spots messages that must not get an ordinary answer or run a command: a life in danger, a request to obtain or
/// use drugs, a person seeking help. Every message is screened first (DESIGN.md "The turn": safety comes before
/// intent), so it must be fast.
/// </summary>
public interface ISafetyScreen
{
    SafetyConcern Screen(string text);
}
