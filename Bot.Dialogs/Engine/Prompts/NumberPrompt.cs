using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>A number written the Indonesian way (or the English way for English users).</summary>
internal sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    protected override LocalizedText Hint => PromptTexts.NumberHint;

    protected override Task<PromptRecognition<decimal>> RecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(IndonesianNumber.TryParse(dc.Turn.Text, dc.Turn.IsEnglish, out var value)
            ? PromptRecognition<decimal>.Success(value)
            : PromptRecognition<decimal>.Failure(dc.Turn.T(PromptTexts.NumberInvalid)));

    protected override string? Example(DialogContext dc, PromptOptions options) => dc.Turn.T(PromptTexts.NumberExample);
}
