namespace Bot.Dialogs.Activities;

/// <summary>Activity type values; compared ordinally (rule A2011).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Trace = "trace";
    public const string MessageReaction = "messageReaction";
    public const string InstallationUpdate = "installationUpdate";
}
