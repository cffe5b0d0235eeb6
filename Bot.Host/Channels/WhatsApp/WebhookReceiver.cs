using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// The POST side of the webhook: bounded read of the raw bytes, signature check before any parsing, statuses
/// applied, new messages queued durably (duplicates dropped by wamid), then 200 at once; the worker does the rest.
/// </summary>
internal sealed class WebhookReceiver(
    IStorageTransactions transactions,
    IWhatsAppInbox inbox,
    IServiceWindowStore windows,
    IOutboundMessageStore outbound,
    InboxWorker worker,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private readonly WhatsAppOptions _options = options.Value;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadAtMostAsync(request.Body, _options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        if (!WebhookSignature.IsValid(body, request.Headers[WebhookSignature.HeaderName].ToString(), _options.AppSecret!))
        {
            WhatsAppLog.SignatureRejected(logger, body.Length);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The X-Hub-Signature-256 header is missing or does not match the body.");
        }

        WebhookBatch batch;
        try
        {
            batch = WebhookPayload.Parse(body);
        }
        catch (WebhookFormatException ex)
        {
            WhatsAppLog.PayloadMalformed(logger, ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a WhatsApp webhook notification.", detail: ex.Message);
        }

        // One commit for the whole POST: the acknowledgement waits on the disk flush, once.
        var (added, duplicates) = transactions.Run(() =>
        {
            ApplyStatuses(batch.Statuses);
            return Enqueue(batch.Messages);
        });
        if (added > 0)
        {
            worker.Wake();
        }

        WhatsAppLog.WebhookAccepted(logger, added, duplicates, batch.Statuses.Count, batch.Skipped);
        return Results.Ok();
    }

    private void ApplyStatuses(IReadOnlyList<StatusUpdate> statuses)
    {
        foreach (var status in statuses)
        {
            var outcome = outbound.Apply(status);
            if (status.Status == "failed" && outcome == StatusOutcome.Applied)
            {
                WhatsAppLog.DeliveryFailed(logger, status.MessageId, status.ErrorCode, status.ErrorTitle);
            }
        }
    }

    private (int Added, int Duplicates) Enqueue(IReadOnlyList<InboundMessage> messages)
    {
        var added = 0;
        var duplicates = 0;
        foreach (var message in messages)
        {
            if (message.PhoneNumberId != _options.PhoneNumberId)
            {
                WhatsAppLog.OtherNumberIgnored(logger, message.PhoneNumberId);
                continue;
            }

            var now = time.GetUtcNow();
            if (message.Timestamp < now - _options.DeduplicationRetention)
            {
                // Its wamid may already be forgotten (rows are kept for the retention), so running it could run it
                // twice: a replay of an old signed notification, or a retry after the host was down that long.
                WhatsAppLog.StaleMessageIgnored(logger, message.Id, message.Timestamp);
                duplicates++;
                continue;
            }

            if (!inbox.TryEnqueue(message, now))
            {
                duplicates++;
                continue;
            }

            added++;
            // Every message from the user reopens the 24-hour window; a future timestamp is not trusted.
            windows.Touch(WhatsAppAddress.ConversationId(message.PhoneNumberId, message.From), message.Timestamp < now ? message.Timestamp : now);
        }

        return (added, duplicates);
    }

    /// <summary>Reads the whole body, or returns null as soon as it exceeds the limit.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The webhook body is larger than WhatsApp:MaxBodyBytes.");
}
