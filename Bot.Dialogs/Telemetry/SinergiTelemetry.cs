using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Span = System.Diagnostics.Activity;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Knowledge.Answering;

namespace Bot.Dialogs.Telemetry;

/// <summary>
/// Sinergi's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>, written
/// with System.Diagnostics only: whether anything listens (OpenTelemetry, a test) is the host's business. Tags carry
/// channel ids, activity types and outcomes, never a user, a conversation, a tip or any text.
/// </summary>
public sealed class SinergiTelemetry : IDisposable
{
    public const string Name = "Sinergi";

    /// <summary>One inbound activity on a channel: its turn and the delivery of the replies.</summary>
    public const string ChannelSpan = "sinergi.channel.inbound";

    /// <summary>The turn pipeline (<see cref="TurnProcessor"/>).</summary>
    public const string TurnSpan = "sinergi.turn";

    /// <summary>Understanding a message (intent, entities, safety): the step that starts it calls <see cref="StartUnderstanding"/>.</summary>
    public const string UnderstandSpan = "sinergi.understand";

    /// <summary>Answering a regulation question.</summary>
    public const string AnswerSpan = "sinergi.answer";

    /// <summary>The storage commit of a turn's writes.</summary>
    public const string CommitSpan = "sinergi.commit";

    public const string ChannelTag = "sinergi.channel";
    public const string ActivityTypeTag = "sinergi.activity.type";
    public const string TurnStatusTag = "sinergi.turn.status";
    public const string AnswerKindTag = "sinergi.answer.kind";
    public const string AnswerMethodTag = "sinergi.answer.method";
    public const string IntentTag = "sinergi.intent";
    public const string RouteTag = "sinergi.route";
    public const string TypedTag = "sinergi.typed";

    private static readonly ActivitySource Source = new(Name);

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.Event,
        ActivityTypes.Invoke, ActivityTypes.Trace, ActivityTypes.MessageReaction, ActivityTypes.InstallationUpdate,
    };

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Func<long>> _queues = new(StringComparer.Ordinal);
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _remindersDue;
    private readonly Counter<long> _remindersSent;
    private readonly Counter<long> _remindersLate;

    /// <param name="time">The clock turn latency is measured with.</param>
    /// <param name="meters">The host's meter factory; without one (a bare container) the meter is this object's own.</param>
    public SinergiTelemetry(TimeProvider time, IMeterFactory? meters = null)
    {
        _time = time;
        _ownsMeter = meters is null;
        _meter = meters?.Create(Name) ?? new Meter(Name);
        _turns = _meter.CreateCounter<long>("sinergi.turns", "{turn}", "Turns run by the turn pipeline, by channel, activity type and outcome.");
        _turnDuration = _meter.CreateHistogram<double>("sinergi.turn.duration", "s", "How long a turn took, commit included.");
        _answers = _meter.CreateCounter<long>("sinergi.answers", "{answer}", "Regulation answers, by kind (answered, not covered, safety, refused) and method.");
        _remindersDue = _meter.CreateCounter<long>("sinergi.reminders.due", "{reminder}", "Reminder rows a sweep claimed because they were due.");
        _remindersSent = _meter.CreateCounter<long>("sinergi.reminders.sent", "{reminder}", "Reminder rows a channel accepted.");
        _remindersLate = _meter.CreateCounter<long>("sinergi.reminders.late", "{reminder}", "Claimed rows past Reminders:CatchUpAfter or due while the host was down.");
        _meter.CreateObservableGauge("sinergi.channel.queue.depth", ObserveQueues, "{item}", "Work waiting or running in a channel's queue.");
    }

    /// <summary>The meter, for tests that listen to this instance only.</summary>
    internal Meter Meter => _meter;

    public static Span? StartChannel(string channelId) =>
        Source.StartActivity(ChannelSpan)?.SetTag(ChannelTag, Bounded(channelId));

    /// <summary>The span the understanding step wraps itself in (issue 12).</summary>
    public static Span? StartUnderstanding() => Source.StartActivity(UnderstandSpan);

    /// <summary>Tags the understanding span with what was understood: the intent's catalog name and the route, never the text.</summary>
    public static void Understood(Span? span, string intent, string route, bool typed) =>
        span?.SetTag(IntentTag, intent).SetTag(RouteTag, route).SetTag(TypedTag, typed);

    public static Span? StartAnswering() => Source.StartActivity(AnswerSpan);

    public static Span? StartCommit() => Source.StartActivity(CommitSpan);

    /// <summary>Starts a turn's span and clock; end it with <see cref="TurnMeasurement.End"/>.</summary>
    public TurnMeasurement StartTurn(Activities.Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tags = new TagList
        {
            { ChannelTag, Bounded(activity.ChannelId) },
            { ActivityTypeTag, activity.Type is { } type && KnownTypes.Contains(type) ? type : "other" },
        };
        var span = Source.StartActivity(TurnSpan, ActivityKind.Internal, parentContext: default, tags);
        return new TurnMeasurement(this, span, tags, _time.GetTimestamp());
    }

    /// <summary>Counts an answer and tags the answering span with its kind.</summary>
    public void Answered(Span? span, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var kind = answer.Kind switch
        {
            AnswerKind.Answered => "answered",
            AnswerKind.NotCovered => "not_covered",
            AnswerKind.Safety => "safety",
            AnswerKind.Refused => "refused",
            AnswerKind.OutOfDomain => "out_of_domain",
            _ => "other",
        };
        span?.SetTag(AnswerKindTag, kind).SetTag(AnswerMethodTag, answer.Method);
        _answers.Add(1, new KeyValuePair<string, object?>(AnswerKindTag, kind), new KeyValuePair<string, object?>(AnswerMethodTag, answer.Method));
    }

    /// <summary>What one reminder sweep claimed, sent and found late.</summary>
    public void RemindersSwept(int due, int sent, int late)
    {
        _remindersDue.Add(due);
        _remindersSent.Add(sent);
        _remindersLate.Add(late);
    }

    /// <summary>Reports a channel queue's depth whenever metrics are collected; dispose to stop.</summary>
    public IDisposable ObserveQueue(string channelId, Func<long> depth)
    {
        _queues[channelId] = depth;
        return new QueueRegistration(_queues, channelId);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal void TurnEnded(TagList tags, long startedAt)
    {
        _turns.Add(1, tags);
        _turnDuration.Record(_time.GetElapsedTime(startedAt).TotalSeconds, tags);
    }

    private IEnumerable<Measurement<long>> ObserveQueues() =>
        _queues.Select(q => new Measurement<long>(q.Value(), new KeyValuePair<string, object?>(ChannelTag, q.Key)));

    /// <summary>Channel ids become tag values: short identifiers only, so a forged id cannot explode the series.</summary>
    private static string Bounded(string? channelId) =>
        channelId is { Length: > 0 and <= 32 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id : "other";

    private sealed class QueueRegistration(ConcurrentDictionary<string, Func<long>> queues, string channelId) : IDisposable
    {
        public void Dispose() => queues.TryRemove(channelId, out _);
    }
}
