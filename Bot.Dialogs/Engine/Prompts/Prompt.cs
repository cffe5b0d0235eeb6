using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks until it gets a valid answer: recognise, then validate, then end with the value. An unusable answer is
/// answered with the reason and a concrete example; after <see cref="MaxAttempts"/> failures in a row the prompt
/// pauses and lists the ways on (help, skip when optional, keep the draft for later, cancel). It never discards
/// what the user typed before.
/// </summary>
internal abstract class Prompt<T>(string id, PromptValidator<T>? validator) : Dialog(id)
{
    public const int MaxAttempts = 3;

    /// <summary>Anything longer is refused before recognition, whatever the prompt (a pasted document, an attack).</summary>
    public const int MaxInputLength = 4000;

    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var prompt = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        var frame = dc.ActiveFrame!;
        frame.Write(OptionsKey, prompt);
        frame.State[AttemptsKey] = 0;
        dc.Turn.Send(BuildPrompt(dc.Turn, prompt, prompt.Text));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Turn.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var frame = dc.ActiveFrame!;
        var prompt = frame.Read<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var attempts = frame.State[AttemptsKey]!.GetValue<int>() + 1;
        frame.State[AttemptsKey] = attempts;

        if (prompt.AllowSkip && SkippedAnswer.IsSkip(dc.Turn.Text))
        {
            return await dc.EndAsync(SkippedAnswer.Instance, cancellationToken);
        }

        var recognition = dc.Turn.Text.Length > MaxInputLength
            ? PromptRecognition<T>.Failure(dc.Turn.T(PromptTexts.TooLong))
            : await RecognizeAsync(dc, prompt, cancellationToken);
        var error = recognition.Error;
        if (recognition.Succeeded)
        {
            error = validator?.Invoke(new PromptValidatorContext<T>(dc.Turn, recognition.Value!, prompt, attempts));
            if (error is null)
            {
                return await dc.EndAsync(recognition.Value, cancellationToken);
            }
        }

        // Never a dead end and never a loss: after repeated failures the form pauses and says what the user can do
        // (help, skip an optional field, keep the draft for later, stop); the answers given so far stay.
        if (attempts >= MaxAttempts)
        {
            frame.State[AttemptsKey] = 0;
            dc.Turn.Send(BuildPause(dc, prompt, error));
            return DialogTurnResult.Waiting;
        }

        var retry = prompt.RetryText ?? prompt.Text;
        var example = prompt.Example ?? Example(dc, prompt);
        var lead = string.Join("\n\n", new[] { error, example is null ? null : dc.Turn.F(PromptTexts.ExampleLine, example) }.OfType<string>());
        dc.Turn.Send(BuildPrompt(dc.Turn, prompt, lead.Length == 0 ? retry : lead + "\n\n" + retry));
        return DialogTurnResult.Waiting;
    }

    public override async Task<AnswerFit> FitAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (IsFreeText)
        {
            return AnswerFit.FreeText;
        }

        var prompt = dc.ActiveFrame!.Read<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var recognition = dc.Turn.Text.Length > MaxInputLength ? PromptRecognition<T>.Failure() : await RecognizeAsync(dc, prompt, cancellationToken);
        return recognition.Succeeded || (prompt.AllowSkip && SkippedAnswer.IsSkip(dc.Turn.Text)) ? AnswerFit.Recognised : AnswerFit.NotRecognised;
    }

    /// <summary>True for prompts that take any text (their recognition cannot tell an answer from another request).</summary>
    protected virtual bool IsFreeText => false;

    /// <summary>A concrete answer of this kind, shown after an unusable one; null when the question shows its options.</summary>
    protected virtual string? Example(DialogContext dc, PromptOptions options) => null;

    private Activity BuildPause(DialogContext dc, PromptOptions prompt, string? error)
    {
        var turn = dc.Turn;
        var example = prompt.Example ?? Example(dc, prompt) ?? turn.T(PromptTexts.ChoiceHint);
        var text = turn.F(
            PromptTexts.Paused,
            MaxAttempts,
            example,
            prompt.AllowSkip ? turn.T(PromptTexts.PausedSkip) : string.Empty,
            dc.InDraftForm ? turn.T(PromptTexts.PausedPark) : string.Empty);
        var pause = BuildPrompt(turn, prompt, error is null ? text : error + "\n\n" + text);
        var offers = new List<string> { turn.T(PromptTexts.HelpButton) };
        if (dc.InDraftForm)
        {
            offers.Add(turn.T(PromptTexts.LaterButton));
        }

        offers.Add(turn.T(PromptTexts.CancelButton));
        var existing = pause.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty) ?? [];
        return pause with { SuggestedActions = TurnContext.ToSuggestions(existing.Concat(offers).Distinct()) };
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var prompt = dc.ActiveFrame!.Read<PromptOptions>(OptionsKey) ?? new PromptOptions();
        dc.Turn.Send(BuildPrompt(dc.Turn, prompt, prompt.Text));
        return Task.CompletedTask;
    }

    public override string? Help(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var prompt = dc.ActiveFrame!.Read<PromptOptions>(OptionsKey);
        return prompt?.HelpText ?? dc.Turn.T(Hint);
    }

    /// <summary>What this kind of prompt accepts, shown for "bantuan" when the question has no help of its own.</summary>
    protected abstract LocalizedText Hint { get; }

    /// <summary>Reads the message into a value.</summary>
    protected abstract Task<PromptRecognition<T>> RecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The question as an activity: text plus quick replies.</summary>
    protected virtual Activity BuildPrompt(TurnContext turn, PromptOptions options, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
        InputHint = "expectingInput",
        SuggestedActions = TurnContext.ToSuggestions(options.AllowSkip ? [.. options.Suggestions, turn.T(PromptTexts.Skip)] : options.Suggestions),
    };
}
