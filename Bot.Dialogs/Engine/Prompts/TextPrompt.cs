using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>Free text with a length limit per question; an answer without a letter or digit (emoji only) is refused.</summary>
internal sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override LocalizedText Hint => PromptTexts.TextHint;

    protected override bool IsFreeText => true;

    protected override Task<PromptRecognition<string>> RecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = dc.Turn.Text;
        PromptRecognition<string> result;
        if (text.Length > options.MaxLength)
        {
            result = PromptRecognition<string>.Failure(dc.Turn.F(PromptTexts.TextTooLong, text.Length, options.MaxLength));
        }
        else if (!text.Any(char.IsLetterOrDigit))
        {
            result = PromptRecognition<string>.Failure(dc.Turn.T(PromptTexts.TextEmpty));
        }
        else
        {
            result = PromptRecognition<string>.Success(text);
        }

        return Task.FromResult(result);
    }
}
