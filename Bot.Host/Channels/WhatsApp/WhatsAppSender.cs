using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Dialogs.Activities;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Sends to one user strictly in order (each call awaited before the next, so bubbles cannot overtake each
/// other), spaced by <see cref="WhatsAppOptions.MinSendInterval"/>. Rate-limit answers are retried by the Graph
/// client's pipeline (<see cref="GraphSendResilience"/>); timeouts and other errors are not.
/// </summary>
internal sealed class WhatsAppSender(
    GraphClient graph,
    IOutboundMessageStore outbound,
    INumberedChoiceStore numbering,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<WhatsAppSender> logger)
{
    private readonly WhatsAppOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Recipient> _recipients = new(StringComparer.Ordinal);

    /// <summary>
    /// Where a message carries our delivery id: the Cloud API does not read it, only returns it in the message's
    /// status webhooks, so whoever watches those can tell a repeat of a proactive message from a new one.
    /// </summary>
    public const string DeliveryIdField = "biz_opaque_callback_data";

    /// <summary>
    /// Renders and sends the activities; returns the wamids. Throws <see cref="WhatsAppSendException"/> at the first
    /// refusal. With a <paramref name="deliveryId"/>, each body carries it (the second and later as "id/2", "id/3"…).
    /// </summary>
    public async Task<IReadOnlyList<string>> SendActivitiesAsync(string conversationId, IReadOnlyList<Activity> activities, string kind, string? deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var (phoneNumberId, waId) = Parse(conversationId);
        var recipient = _recipients.GetOrAdd(conversationId, _ => new Recipient());
        await recipient.Gate.WaitAsync(cancellationToken);
        try
        {
            var sent = new List<string>();
            foreach (var activity in activities)
            {
                var rendered = WhatsAppMessageBuilder.Render(activity, waId);
                foreach (var body in rendered.Messages)
                {
                    if (deliveryId is not null)
                    {
                        body[DeliveryIdField] = sent.Count == 0 ? deliveryId : string.Create(CultureInfo.InvariantCulture, $"{deliveryId}/{sent.Count + 1}");
                    }

                    sent.Add(await SendOneAsync(recipient, phoneNumberId, conversationId, body, kind, sent.Count, cancellationToken));
                }

                if (rendered.NumberedChoices is { } choices)
                {
                    numbering.Remember(conversationId, choices);
                }
            }

            return sent;
        }
        finally
        {
            recipient.Gate.Release();
        }
    }

    /// <summary>Sends one prepared body (a template) in the same queue as everything else for that user.</summary>
    public async Task<string> SendBodyAsync(string conversationId, JsonObject body, string kind, CancellationToken cancellationToken)
    {
        var (phoneNumberId, _) = Parse(conversationId);
        var recipient = _recipients.GetOrAdd(conversationId, _ => new Recipient());
        await recipient.Gate.WaitAsync(cancellationToken);
        try
        {
            return await SendOneAsync(recipient, phoneNumberId, conversationId, body, kind, 0, cancellationToken);
        }
        finally
        {
            recipient.Gate.Release();
        }
    }

    private async Task<string> SendOneAsync(
        Recipient recipient, string phoneNumberId, string conversationId, JsonObject body, string kind, int acceptedBefore, CancellationToken cancellationToken)
    {
        var wait = recipient.LastSentAt + _options.MinSendInterval - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        var result = await graph.SendAsync(phoneNumberId, body, cancellationToken);
        recipient.LastSentAt = time.GetUtcNow();
        if (result.Succeeded)
        {
            outbound.RecordAccepted(result.MessageId!, conversationId, kind, recipient.LastSentAt);
            return result.MessageId!;
        }

        if (result.ErrorCode == 190)
        {
            WhatsAppLog.AccessTokenRejected(logger);
        }

        WhatsAppLog.SendRefused(logger, body["type"]?.GetValue<string>(), result.HttpStatus, result.ErrorCode, result.Attempts);
        throw new WhatsAppSendException(result, acceptedBefore);
    }

    private static (string PhoneNumberId, string WaId) Parse(string conversationId) =>
        WhatsAppAddress.TryParse(conversationId, out var phoneNumberId, out var waId)
            ? (phoneNumberId, waId)
            : throw new ArgumentException($"'{conversationId}' is not a WhatsApp conversation id.", nameof(conversationId));

    private sealed class Recipient
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DateTimeOffset LastSentAt { get; set; } = DateTimeOffset.MinValue;
    }
}

/// <summary>Graph refused a message (or did not answer); <see cref="AcceptedBefore"/> messages of the batch went out.</summary>
internal sealed class WhatsAppSendException(GraphSendResult result, int acceptedBefore)
    : Exception("WhatsApp refused the message: " + result)
{
    public GraphSendResult Result { get; } = result;

    public int AcceptedBefore { get; } = acceptedBefore;
}
