using Bot.Dialogs.Understanding;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// Decides whether a message typed while a form waits is an answer or an interruption, from what the
/// understanding step made of it. The steering words typed as such ("batal", "kembali", "menu", "bantuan") always
/// steer; a safety concern is always answered first. Otherwise an answer that fits the question stays an answer;
/// one that does not fit, or free text, is an interruption only when another intent is clear: a question worded as
/// one ("apa itu desa bersinar?" at the title question), steering said in other words ("gak jadi deh") when the
/// model is sure, or a command typed in the bot's syntax ("lapor narkoba", "rencana aksi saya") that the user may
/// run. A command merely inferred from free text never interrupts a form: taking an answer for a command is the
/// worse mistake (a narrative "Sudah dilengkapi." is not "sudah selesai").
/// </summary>
internal static class InterruptionPolicy
{
    public static async Task<Interruption> DecideAsync(DialogContext dc, ConfidencePolicy policy, CancellationToken cancellationToken)
    {
        var understood = dc.Turn.Understood;
        if (understood is null)
        {
            return Interruption.None;
        }

        if (understood.Typed && Steering(understood.Intent) is { } typed)
        {
            return typed;
        }

        if (understood.Safety != SafetyConcern.None)
        {
            return Interruption.Question;
        }

        var fit = dc.ActiveDialog is { } dialog ? await dialog.FitAsync(dc, cancellationToken) : AnswerFit.FreeText;
        if (fit == AnswerFit.Recognised)
        {
            return Interruption.None;
        }

        var definition = understood.Definition;
        var sure = understood.Typed || understood.Confidence >= (fit == AnswerFit.FreeText ? policy.Interrupt : policy.Run);
        return definition.Kind switch
        {
            IntentKind.Question when understood.Decision == RouteDecision.Question
                && (fit == AnswerFit.NotRecognised || QuestionShape.IsQuestion(dc.Turn.Text)) => Interruption.Question,
            IntentKind.Steering or IntentKind.Conversation when sure && Steering(understood.Intent) is { } steering => steering,
            IntentKind.Command when understood.Typed && (dc.Turn.User is not { } user || definition.AllowedFor(user.Role)) => Interruption.Command,
            _ => Interruption.None,
        };
    }

    private static Interruption? Steering(string intent) => intent switch
    {
        Intents.Cancel => Interruption.Cancel,
        Intents.Back => Interruption.Back,
        Intents.Menu => Interruption.Menu,
        Intents.Help => Interruption.Help,
        _ => null,
    };
}

internal enum Interruption
{
    None,
    Cancel,
    Help,
    Menu,
    Back,

    /// <summary>Answer the question (regulation Q&amp;A), then ask the form's question again.</summary>
    Question,

    /// <summary>Run the command on top of the form, which resumes after it.</summary>
    Command,
}
