using System.Net;

namespace Bot.Host.Channels.BotFramework;

/// <summary>A channel refused an activity, or could not be reached, after every allowed attempt.</summary>
internal sealed class ConnectorException(string message, HttpStatusCode? status, string? operationId, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The last HTTP status, or null when the channel was not reachable.</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The channel's <c>X-Correlating-OperationId</c>, for a support request.</summary>
    public string? OperationId { get; } = operationId;
}
