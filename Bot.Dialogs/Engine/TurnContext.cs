using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine;

/// <summary>
/// One turn: the inbound activity, the conversation's state and the replies so far. Replies are buffered and
/// delivered by the channel only after the turn's state is committed, so "tersimpan" is never premature.
/// </summary>
public sealed class TurnContext
{
    private readonly List<Activity> _replies = [];
    private readonly ConversationReference _reference;

    public TurnContext(Activity activity, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Activity = activity;
        State = state;
        _reference = activity.GetConversationReference();
    }

    public Activity Activity { get; }

    public ConversationState State { get; }

    /// <summary>The user's locale; Indonesian unless the channel says English.</summary>
    public string Locale => Activity.Locale ?? "id-ID";

    public bool IsEnglish => LocalizedText.IsEnglish(Activity.Locale);

    /// <summary>
    /// The inbound activity as an idempotency key (channel|conversation|activity id), or null when it has no id. A
    /// feature that writes outside the turn's final commit records it, so that the same activity resent after a
    /// crash finds the first write instead of making a second.
    /// </summary>
    public string? RequestKey => RequestKeyOf(Activity);

    /// <summary>The idempotency key of an activity (see <see cref="RequestKey"/>), or null when it has no id.</summary>
    public static string? RequestKeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Id is { Length: > 0 } id ? string.Join('|', activity.ChannelId, activity.Conversation?.Id, id) : null;
    }

    /// <summary>The trimmed text of a message, or an empty string.</summary>
    public string Text => Activity.Text?.Trim() ?? string.Empty;

    /// <summary>Per-turn items shared between handlers (loaded user, caches); discarded after the turn.</summary>
    public IDictionary<string, object> Items { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>What the understanding step made of the message (null for activities that are not messages).</summary>
    public Understanding.Interpretation? Understood { get; set; }

    /// <summary>The sender, loaded once per turn by the router before any handler or dialog runs.</summary>
    public BotUser? User { get; set; }

    /// <summary>The sender's zone (WIB, WITA, WIT): their own, else their OPD's, else the default.</summary>
    public string TimeZone { get; set; } = IndonesianTimeZones.Default;

    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>True once anything was sent this turn.</summary>
    public bool Responded => _replies.Count > 0;

    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// True when a feature marked this turn confidential: the channel then delivers the replies but keeps no
    /// readable copy of the inbound activity, the replies or the files the turn read (the anonymous tip line).
    /// </summary>
    public bool IsConfidential { get; private set; }

    /// <summary>Marks the turn confidential; it cannot be unmarked (any feature may ask, none may overrule).</summary>
    public void MarkConfidential() => IsConfidential = true;

    private readonly List<Action> _commitWrites = [];

    /// <summary>Writes prepared during the turn that run inside the turn's own commit, with its state.</summary>
    internal IReadOnlyList<Action> CommitWrites => _commitWrites;

    /// <summary>
    /// Adds a prepared write (serialised already, idempotent) to the turn's commit: it becomes durable together with
    /// the conversation state, or not at all (a failed turn drops it).
    /// </summary>
    internal void WriteOnCommit(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _commitWrites.Add(write);
    }

    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    /// <summary>Work that runs once the turn's commit is durable (pushing a notice to someone else).</summary>
    internal IReadOnlyList<Func<CancellationToken, Task>> AfterCommitWork => _afterCommit;

    /// <summary>
    /// Runs <paramref name="work"/> once everything this turn wrote is durable, before the replies leave; never when
    /// the turn fails or is run again. A failure in it is logged and does not fail the turn.
    /// </summary>
    internal void AfterCommit(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _afterCommit.Add(work);
    }

    /// <summary>Today's date where the user is.</summary>
    public DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), IndonesianTimeZones.Find(TimeZone)).DateTime);
    }

    /// <summary>Picks the text in the user's language.</summary>
    public string T(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.For(Activity.Locale);
    }

    /// <summary>Picks the text in the user's language and fills its numbered holes.</summary>
    public string F(LocalizedText text, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Format(Activity.Locale, args);
    }

    /// <summary>Sends an activity, addressed as a reply to the inbound one.</summary>
    public void Send(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _replies.Add(_reference.ApplyTo(activity));
    }

    /// <summary>Sends a Markdown message with optional suggested actions (each sends its own title).</summary>
    public void SendText(string text, IEnumerable<string>? suggestions = null) =>
        Send(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = "markdown",
            SuggestedActions = ToSuggestions(suggestions),
        });

    /// <inheritdoc cref="SendText(string, IEnumerable{string}?)"/>
    public void SendText(LocalizedText text, IEnumerable<string>? suggestions = null) => SendText(T(text), suggestions);

    internal static SuggestedActions? ToSuggestions(IEnumerable<string>? titles)
    {
        var actions = titles?.Select(t => CardAction.ImBack(t)).ToList();
        return actions is { Count: > 0 } ? new SuggestedActions { Actions = actions } : null;
    }
}
