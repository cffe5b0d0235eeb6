namespace Bot.Host.Channels.WhatsApp;

/// <summary>The channel's recurring log events. Never the user's text: ids, types and codes only.</summary>
internal static partial class WhatsAppLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "WhatsApp webhook refused: bad or missing signature on a {Length}-byte body")]
    public static partial void SignatureRejected(ILogger logger, int length);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "WhatsApp webhook refused: {Reason}")]
    public static partial void PayloadMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "WhatsApp webhook: {Added} new, {Duplicates} duplicate messages, {Statuses} statuses, {Skipped} unreadable entries")]
    public static partial void WebhookAccepted(ILogger logger, int added, int duplicates, int statuses, int skipped);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "WhatsApp message to phone number id {PhoneNumberId} ignored: not the configured number")]
    public static partial void OtherNumberIgnored(ILogger logger, string phoneNumberId);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "WhatsApp reported message {MessageId} failed: {ErrorCode} {ErrorTitle}")]
    public static partial void DeliveryFailed(ILogger logger, string messageId, int? errorCode, string? errorTitle);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "WhatsApp message {MessageId} of type {MessageType} is not readable; the user was told")]
    public static partial void UnsupportedMessage(ILogger logger, string messageType, string messageId);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "Replies to WhatsApp message {MessageId} undelivered after {Accepted} of {Count}")]
    public static partial void RepliesUndelivered(ILogger logger, Exception exception, string messageId, int accepted, int count);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "WhatsApp inbox message {MessageId} failed (attempt {Attempts})")]
    public static partial void InboxRowFailed(ILogger logger, Exception exception, string messageId, int attempts);

    [LoggerMessage(EventId = 7018, Level = LogLevel.Warning, Message = "WhatsApp inbox message {MessageId}: its turn was not kept (attempt {Attempts}); tried again later")]
    public static partial void InboxTurnNotKept(ILogger logger, string messageId, int attempts);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "WhatsApp inbox pruned {Count} finished messages past the retention")]
    public static partial void InboxPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "WhatsApp send of a {MessageType} message refused: HTTP {HttpStatus}, code {ErrorCode}, attempt {Attempt}")]
    public static partial void SendRefused(ILogger logger, string? messageType, int httpStatus, int? errorCode, int attempt);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "WhatsApp rate limit (HTTP {HttpStatus}, code {ErrorCode}); retrying in {Delay}")]
    public static partial void RateLimited(ILogger logger, int httpStatus, int? errorCode, TimeSpan delay);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "No WhatsApp reminder template is configured (WhatsApp:ReminderTemplate:Name): the 24-hour window of {ConversationId} is closed, so the proactive message was not sent")]
    public static partial void NoTemplateConfigured(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Information, Message = "WhatsApp template {TemplateName} sent to {ConversationId} (outside the 24-hour window)")]
    public static partial void TemplateSent(ILogger logger, string templateName, string conversationId);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Information, Message = "WhatsApp says the window of {ConversationId} is closed (131047); sending the template instead")]
    public static partial void WindowClosedFallback(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Error, Message = "WhatsApp inbox drain of {ConversationId} stopped")]
    public static partial void DrainFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 7017, Level = LogLevel.Warning, Message = "WhatsApp message {MessageId} sent at {SentAt} is older than WhatsApp:DeduplicationRetention; acknowledged and not run")]
    public static partial void StaleMessageIgnored(ILogger logger, string messageId, DateTimeOffset sentAt);

    [LoggerMessage(EventId = 7016, Level = LogLevel.Error, Message = "WhatsApp rejected the access token (code 190): renew WhatsApp:AccessToken; nothing can be sent until then")]
    public static partial void AccessTokenRejected(ILogger logger);
}
