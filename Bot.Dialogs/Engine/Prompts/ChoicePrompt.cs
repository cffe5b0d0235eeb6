using System.Globalization;
using System.Text;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// Offers options as suggested actions (the channel turns them into buttons or lists) and, for clients without
/// buttons, as a numbered list in the text. Ends with the chosen <see cref="PromptChoice.Value"/>.
/// </summary>
internal sealed class ChoicePrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override LocalizedText Hint => PromptTexts.ChoiceHint;

    protected override Task<PromptRecognition<string>> RecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        var index = ChoiceRecognizer.Recognize(dc.Turn.Text, options.Choices);
        return Task.FromResult(index is { } i
            ? PromptRecognition<string>.Success(options.Choices[i].Value)
            : PromptRecognition<string>.Failure(dc.Turn.T(PromptTexts.ChoiceInvalid)));
    }

    protected override Activity BuildPrompt(TurnContext turn, PromptOptions options, string text)
    {
        var list = new StringBuilder(text).Append("\n\n");
        for (var i = 0; i < options.Choices.Count; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"{i + 1}. {MarkdownText.Escape(options.Choices[i].Title)}\n");
        }

        var titles = options.Choices.Select(c => c.Title).Concat(options.Suggestions);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = list.ToString().TrimEnd(),
            TextFormat = "markdown",
            InputHint = "expectingInput",
            SuggestedActions = TurnContext.ToSuggestions(titles),
        };
    }
}
