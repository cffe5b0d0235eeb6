using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>Yes or no: "ya", "y", "ok", "oke", "setuju", "simpan" … or "tidak", "t", "gak", "batal" … (and English).</summary>
internal sealed class ConfirmPrompt(string id) : Prompt<bool>(id, null)
{
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "ya", "y", "iya", "iy", "yap", "ok", "oke", "okay", "okey", "baik", "setuju", "benar", "betul", "boleh", "simpan", "kirim", "lanjut", "yes", "yeah", "yep", "sure", "save", "submit",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "tidak", "tdk", "t", "gak", "ga", "nggak", "enggak", "engga", "ndak", "jangan", "batal", "no", "n", "nope", "cancel",
    };

    protected override LocalizedText Hint => PromptTexts.ConfirmHint;

    public static bool? Recognize(string text)
    {
        var words = ChoiceRecognizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4)
        {
            return null;
        }

        // The first word decides ("ya, simpan", "tidak usah"); "tidak setuju" therefore means no.
        return YesWords.Contains(words[0]) ? true : NoWords.Contains(words[0]) ? false : null;
    }

    protected override Task<PromptRecognition<bool>> RecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Recognize(dc.Turn.Text) is { } answer
            ? PromptRecognition<bool>.Success(answer)
            : PromptRecognition<bool>.Failure(dc.Turn.T(PromptTexts.ConfirmInvalid)));

    protected override string? Example(DialogContext dc, PromptOptions options) => dc?.Turn.T(PromptTexts.ConfirmExample);

    protected override Activity BuildPrompt(TurnContext turn, PromptOptions options, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
        InputHint = "expectingInput",
        SuggestedActions = TurnContext.ToSuggestions([turn.T(PromptTexts.Yes), turn.T(PromptTexts.No), .. options.Suggestions]),
    };
}
