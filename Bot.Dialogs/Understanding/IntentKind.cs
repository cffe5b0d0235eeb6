namespace Bot.Dialogs.Understanding;

/// <summary>What running an intent does, which decides how a wrong guess hurts (the wrong-flow rate counts only commands and steering).</summary>
public enum IntentKind
{
    /// <summary>Starts a form, writes, or shows someone's data.</summary>
    Command,

    /// <summary>Steers an open form: cancel, back, menu.</summary>
    Steering,

    /// <summary>Greeting, thanks, help, about: a short answer that changes nothing.</summary>
    Conversation,

    /// <summary>A question about the rules: regulation Q&amp;A answers it.</summary>
    Question,

    /// <summary>Nothing Sinergi does: "not understood" and help.</summary>
    OutOfScope,
}

/// <summary>Who may use an intent.</summary>
public enum Audience
{
    Anyone,
    Fokal,
    Coordinator,
    FokalOrCoordinator,
}
