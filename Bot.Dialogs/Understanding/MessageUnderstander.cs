using Bot.Dialogs.Domain;
using Bot.Dialogs.Understanding.Entities;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// The understanding step, run once for every message: the safety screen first (a concern goes to Q&amp;A, never
/// to a command), then the typed command syntax, then the learned intent classifier; then the entities for the
/// intent and the confidence policy's decision. Pure computation over models loaded once; no database access
/// except the cached list of OPDs.
/// </summary>
public sealed class MessageUnderstander(
    IKnownOrganisations organisations,
    ISafetyScreen? safety = null,
    IntentModel? model = null,
    ArgumentVocabulary? vocabulary = null,
    ConfidencePolicy? policy = null)
{
    /// <summary>Longer messages are not commands: they go to Q&amp;A or help unclassified.</summary>
    public const int MaxCommandLength = 300;

    private IntentModel Model => model ?? IntentModel.Default;

    private ArgumentVocabulary Vocabulary => vocabulary ?? ArgumentVocabulary.Default;

    private ConfidencePolicy Policy => policy ?? ConfidencePolicy.Default;

    /// <summary>
    /// Loads the models now (the host calls it at start so the first message is as fast as any). It never touches the
    /// database: it may still run while a host that lived only briefly is shutting down and its data file is being
    /// closed (and opened again by the next host over the same folder).
    /// </summary>
    public void WarmUp()
    {
        const string text = "mau tambah rencana aksi";
        var structured = StructuredEntities.Find(text);
        var prediction = Model.Predict(text, structured);
        EntityAssembler.Assemble(text, prediction.Label, structured, Vocabulary, new OrganisationMatcher([]), english: false);
    }

    /// <summary>
    /// Understands a message. With <paramref name="waitForModel"/> false (an answer inside an open form), a message
    /// that arrives while the model is still training is not held up: it is taken as no intent (an answer).
    /// </summary>
    public Interpretation Understand(string text, Role? role, bool english, bool waitForModel = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = text.Length > MaxCommandLength ? null : TypedCommands.MatchCommand(text);

        // A typed command's argument is data (a sign-in code, an RA code, a name), not words: the screen reads the
        // rest. Its character n-grams once took a random code ("masuk K7M2…") for a plea for help or self-harm. A
        // question typed as a command is screened again, whole, by the answerer.
        var screened = typed is { Argument: { Length: > 0 } argument } ? text.Replace(argument, " ", StringComparison.Ordinal) : text;
        var concern = safety?.Screen(screened) ?? SafetyConcern.None;
        var questionShaped = QuestionShape.IsQuestion(text);
        if (text.Length > MaxCommandLength)
        {
            var decision = concern != SafetyConcern.None || questionShaped ? RouteDecision.Question : RouteDecision.Help;
            return new Interpretation(Intents.Question, 0, [], MessageEntities.None, concern, false, decision, []);
        }

        var structured = StructuredEntities.Find(text);
        if (typed is { } early && model is null && !IntentModel.DefaultIsReady)
        {
            // The model is still training (the first seconds after start): a typed command needs no model, so it
            // runs at once rather than wait; anything else waits for the training below.
            var kind = IntentCatalog.Get(early.Intent).Kind;
            return new Interpretation(
                early.Intent, 1.0, [], EntityAssembler.Assemble(text, early.Intent, structured, Vocabulary, organisations.Matcher, english),
                concern, true, concern != SafetyConcern.None || kind == IntentKind.Question ? RouteDecision.Question : RouteDecision.Run, [])
            {
                TypedArgument = early.Argument,
                TypedPhrase = early.Phrase,
            };
        }

        if (typed is null && !waitForModel && model is null && !IntentModel.DefaultIsReady)
        {
            return new Interpretation(Intents.OutOfScope, 0, [], MessageEntities.None, concern, false,
                concern != SafetyConcern.None ? RouteDecision.Question : RouteDecision.Help, []);
        }

        var prediction = Model.Predict(text, structured);
        string intent;
        double confidence;
        RouteDecision route;
        IReadOnlyList<string> alternatives = [];
        var isTyped = typed is { } command && (role is not { } r || IntentCatalog.Get(command.Intent).AllowedFor(r) || !AllowedAlternative(prediction, r));
        if (isTyped)
        {
            var typedIntent = typed!.Value.Intent;
            (intent, confidence, route) = (typedIntent, 1.0, IntentCatalog.Get(typedIntent).Kind == IntentKind.Question ? RouteDecision.Question : RouteDecision.Run);
        }
        else
        {
            (intent, confidence) = (prediction.Label, prediction.Score);
            (route, alternatives) = Policy.Decide(prediction.Ranked, questionShaped, role);
        }

        if (ReportsActivity(concern, intent, route))
        {
            concern = SafetyConcern.None;
        }
        else if (concern != SafetyConcern.None)
        {
            route = RouteDecision.Question;
            alternatives = [];
        }

        var entities = EntityAssembler.Assemble(text, intent, structured, Vocabulary, organisations.Matcher, english);
        return new Interpretation(intent, confidence, prediction.Ranked, entities, concern, isTyped, route, alternatives)
        {
            TypedArgument = isTyped ? typed!.Value.Argument : null,
            TypedPhrase = isTyped ? typed!.Value.Phrase : null,
            NeighboursAgree = isTyped || prediction.NeighboursAgree,
        };

        // A typed command the role may not use stands (its handler says who may), unless the classifier is sure of
        // another reading the role may use ("ingatkan saya besok" from a fokal is a snooze, not a nudge).
        bool AllowedAlternative(IntentPrediction p, Role userRole) =>
            p.Score >= Policy.Run && IntentCatalog.Contains(p.Label) && IntentCatalog.Get(p.Label).AllowedFor(userRole)
            && IntentCatalog.Get(p.Label).Kind is IntentKind.Command or IntentKind.Steering;
    }

    /// <summary>
    /// Someone reporting drug activity names it ("ada yg jualan sabu"), which the safety screen reads as obtaining or
    /// using. When the tip-line intent runs (typed, or confident enough to run) and the concern is only that, the
    /// tip line is the safe route: it takes the report anonymously. Every other concern (an emergency, self-harm,
    /// fear of reporting, evasion, seeking help) goes to the safety answer whatever the intent.
    /// </summary>
    private static bool ReportsActivity(SafetyConcern concern, string intent, RouteDecision route) =>
        concern == SafetyConcern.ObtainOrUse && route == RouteDecision.Run && intent == Intents.ReportTip;
}
