using Bot.Dialogs.Activities;
using System.Net;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Proactive messages (reminders, notifications) on WhatsApp. Inside the 24-hour window they go out as normal
/// messages; outside it only the configured template may, and without one the send fails loudly rather than
/// sending free-form text WhatsApp would reject (error 131047). At least once: the record is written after Graph
/// accepted, and every attempt carries the same delivery id (<see cref="WhatsAppSender.DeliveryIdField"/>).
/// </summary>
internal sealed class WhatsAppChannelSender(
    WhatsAppSender sender,
    IServiceWindowStore windows,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<WhatsAppChannelSender> logger) : IChannelSender
{
    private readonly WhatsAppOptions _options = options.Value;

    public bool CanDeliver(ConversationReference reference) =>
        _options.Enabled && reference?.ChannelId == WhatsAppAddress.ChannelId;

    public async Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        await SendAsync(reference, message, cancellationToken);
        await message.Record.WriteAfterSendAsync(cancellationToken);
    }

    private async Task SendAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        var conversationId = reference.Conversation.Id
            ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        if (windows.IsOpen(conversationId, time.GetUtcNow()))
        {
            try
            {
                await sender.SendActivitiesAsync(conversationId, [message.Activity], "proactive", message.DeliveryId, cancellationToken);
                return;
            }
            catch (WhatsAppSendException ex) when (ex.Result.IsOutsideWindow && ex.AcceptedBefore == 0)
            {
                // Our clock said the window was open, WhatsApp says it closed: fall back to the template, once.
                WhatsAppLog.WindowClosedFallback(logger, conversationId);
            }
        }

        await SendTemplateAsync(reference, conversationId, message, cancellationToken);
    }

    private async Task SendTemplateAsync(ConversationReference reference, string conversationId, ProactiveMessage message, CancellationToken cancellationToken)
    {
        var template = _options.ReminderTemplate;
        if (!template.IsConfigured)
        {
            WhatsAppLog.NoTemplateConfigured(logger, conversationId);
            // A final refusal (not 429/5xx): retrying cannot help until someone configures a template, so the
            // reminder sweep marks the row failed instead of retrying it.
            throw new ChannelDeliveryException(
                HttpStatusCode.PreconditionFailed,
                null,
                "The user's 24-hour WhatsApp window is closed and no WhatsApp:ReminderTemplate:Name is configured, so the message was not sent.");
        }

        if (!WhatsAppAddress.TryParse(conversationId, out _, out var waId))
        {
            throw new ArgumentException($"'{conversationId}' is not a WhatsApp conversation id.", nameof(reference));
        }

        var body = TemplateMessage.Build(template, waId, [message.Activity], reference.User?.Name);
        body[WhatsAppSender.DeliveryIdField] = message.DeliveryId;
        await sender.SendBodyAsync(conversationId, body, "template", cancellationToken);
        WhatsAppLog.TemplateSent(logger, template.Name!, conversationId);
    }
}
