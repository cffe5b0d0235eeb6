using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// What the understanding step made of a message: the intent, how sure it is, the runners-up, the entities, the
/// safety screen's finding, and what the router should do with it.
/// </summary>
public sealed record Interpretation(
    string Intent,
    double Confidence,
    IReadOnlyList<LabelScore> Ranked,
    MessageEntities Entities,
    SafetyConcern Safety,
    bool Typed,
    RouteDecision Decision,
    IReadOnlyList<string> Alternatives)
{
    /// <summary>The text after the command words when the message was a typed command ("Dinas Sosial (Dinsos) WIT"), else null.</summary>
    public string? TypedArgument { get; init; }

    /// <summary>The command words of a typed command ("kode masuk"), or the name of its pattern (<see cref="TypedCommands.SignInWithCode"/>).</summary>
    public string? TypedPhrase { get; init; }

    /// <summary>The nearest training examples point at the same intent as the combined model (always true for a typed command).</summary>
    public bool NeighboursAgree { get; init; } = true;

    public IntentDefinition Definition => IntentCatalog.Get(Intent);

    /// <summary>The message was typed in the bot's command syntax (certain), not inferred.</summary>
    public bool IsCertain => Typed;
}

/// <summary>What the router does with an understood message.</summary>
public enum RouteDecision
{
    /// <summary>Run the intent's handler.</summary>
    Run,

    /// <summary>Ask "Maksud Anda: A atau B?" with the alternatives as buttons.</summary>
    Clarify,

    /// <summary>Regulation Q&amp;A answers it (a question, or a safety concern).</summary>
    Question,

    /// <summary>"Not understood", with the help that fits the user's role.</summary>
    Help,
}
