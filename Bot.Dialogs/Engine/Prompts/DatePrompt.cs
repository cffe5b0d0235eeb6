using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// A calendar date, resolved against today in the user's own time zone (WIB, WITA or WIT). A date typed without a
/// year falls in <see cref="PromptOptions.DefaultYear"/> when the question names one (the plan year).
/// </summary>
internal sealed class DatePrompt(string id, TimeProvider time, PromptValidator<DateOnly>? validator = null) : Prompt<DateOnly>(id, validator)
{
    protected override LocalizedText Hint => PromptTexts.DateHint;

    protected override Task<PromptRecognition<DateOnly>> RecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        var today = dc.Turn.Today(time);
        return Task.FromResult(IndonesianDate.TryResolve(dc.Turn.Text, today, options.DefaultYear, out var date)
            ? PromptRecognition<DateOnly>.Success(date)
            : PromptRecognition<DateOnly>.Failure(dc.Turn.T(PromptTexts.DateInvalid)));
    }

    protected override string? Example(DialogContext dc, PromptOptions options) =>
        dc.Turn.F(PromptTexts.DateExample, options.DefaultYear ?? dc.Turn.Today(time).Year);
}
