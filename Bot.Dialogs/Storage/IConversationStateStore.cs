namespace Bot.Dialogs.Storage;

/// <summary>
/// The conversation states (dialog stack, recent activity ids), one per conversation, versioned: a save whose
/// version no longer matches the stored one throws <see cref="ConcurrencyException"/>.
/// </summary>
public interface IConversationStateStore
{
    /// <summary>The committed state of the conversation, or a new one (version 0).</summary>
    ConversationState Load(string key);

    void Save(ConversationState state);

    /// <summary>The write to run in the turn's commit; it checks the version when it runs.</summary>
    Action PrepareSave(ConversationState state);

    /// <summary>Empties the stack after a failed turn (remembering the activity, so a resend is not run again).</summary>
    void ClearStack(string key, string? activityId);
}
