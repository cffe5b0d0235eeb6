using Bot.Dialogs.Understanding;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// Decides whether a message typed while a form waits is an answer or an interruption, from what the
/// understanding step made of it. The steering words typed as such ("batal", "kembali", "menu", "bantuan", "nanti") always
/// steer; a safety concern is always answered first. Otherwise an answer that fits the question stays an answer;
/// one that does not fit, or free text, is an interruption only when another intent is clear: a question worded as
/// one ("apa itu desa bersinar?" at the title question), a command typed in the bot's syntax ("lapor narkoba",
/// "rencana aksi saya") that the user may run, or, where the question wants a choice, a number or a date, steering
/// said in other words ("gak jadi deh") when the model is sure. A free-text answer is never taken for steering or
/// a command merely inferred from it: losing the form to a guess is the worse mistake (a narrative "Tahap awal."
/// is not "menu awal", "Sudah dilengkapi." is not "sudah selesai").
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

        var fit = dc.ActiveDialog is { } dialog ? await dialog.FitAsync(dc, cancellationToken) : AnswerFit.FreeText;
        if (understood.Safety != SafetyConcern.None)
        {
            // A value the question asked for (one of its choices, a number, a date) is the answer even when a word of
            // it leans towards a concern: "Pemakaian" picked as the kind of tip is not a crisis.
            if (fit == AnswerFit.Recognised && !QuestionShape.IsQuestion(dc.Turn.Text))
            {
                return Interruption.None;
            }

            // A question with a concern is answered first. Free text that is not a question is the form's answer:
            // when a life may be at stake ("ada yang overdosis di kos sebelah" as a tip's description) the safety
            // answer comes as an aside and the text is kept; drugs named in a description or a narrative ("dia
            // jualan sabu di gang") are what tips and reports are about, so they are simply the answer.
            if (fit == AnswerFit.FreeText && !QuestionShape.IsQuestion(dc.Turn.Text))
            {
                return understood.Safety is SafetyConcern.Emergency or SafetyConcern.SelfHarm ? Interruption.SafetyAside : Interruption.None;
            }

            return Interruption.Question;
        }

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
            IntentKind.Steering or IntentKind.Conversation when sure && fit == AnswerFit.NotRecognised && Steering(understood.Intent) is { } steering => steering,
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
        Intents.Later => Interruption.Park,
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

    /// <summary>Keep the form as a draft for later ("nanti"; forms only, elsewhere the word is an ordinary answer).</summary>
    Park,

    /// <summary>Answer the question (regulation Q&amp;A), then ask the form's question again.</summary>
    Question,

    /// <summary>Run the command on top of the form, which resumes after it.</summary>
    Command,

    /// <summary>Answer the safety concern, then give the message to the form as its answer.</summary>
    SafetyAside,
}
