namespace Bot.Dialogs.Engine.Prompts;

/// <summary>The outcome of reading an answer: a value, or the reason (in the user's language) it was not accepted.</summary>
internal sealed record PromptRecognition<T>(bool Succeeded, T? Value, string? Error)
{
    public static PromptRecognition<T> Success(T value) => new(true, value, null);

    public static PromptRecognition<T> Failure(string? error = null) => new(false, default, error);
}

/// <summary>Checks a recognised value; returns null when it is acceptable, else the reason in the user's language.</summary>
internal delegate string? PromptValidator<T>(PromptValidatorContext<T> context);

/// <summary>What a validator sees: the turn (user, locale), the value, the question and the attempt number.</summary>
internal sealed record PromptValidatorContext<T>(TurnContext Turn, T Value, PromptOptions Options, int AttemptCount);
