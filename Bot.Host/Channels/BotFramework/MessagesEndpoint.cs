using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Telemetry;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c> (protocol §1.6): read and check the activity, authenticate it, run the turn, then
/// answer as the Bot Framework expects: replies in the body for expectReplies, the invoke response for an
/// invoke, otherwise 200 once the replies were posted back to the channel.
/// </summary>
internal sealed partial class MessagesEndpoint(
    InboundActivityReader reader,
    ChannelAuthenticator authenticator,
    TurnProcessor turns,
    ConnectorClient connector,
    IHostApplicationLifetime lifetime,
    ILogger<MessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var read = await reader.ReadAsync(http.Request, http.RequestAborted);
        if (read.Activity is null)
        {
            return Problem(read.Status, read.Problem);
        }

        var auth = await authenticator.AuthenticateAsync(http, read.Activity, http.RequestAborted);
        if (!auth.Succeeded)
        {
            return Problem(StatusCodes.Status401Unauthorized, auth.Failure);
        }

        // callerId is never taken from the wire (A2251): it says how this request was authenticated.
        var activity = read.Activity with { CallerId = auth.CallerId };

        // Once the turn starts, the activity id is marked processed: finish it and deliver its replies even if
        // the channel hangs up, or a retry would be skipped as a duplicate and the answer lost.
        var stopping = lifetime.ApplicationStopping;
        using var span = SinergiTelemetry.StartChannel(activity.ChannelId!);
        var expectReplies = InboundActivityReader.IsExpectReplies(activity);
        IReadOnlyList<Activity> replies = [];
        try
        {
            // The replies are posted in the conversation's place in line, before a reminder can come between.
            var result = await turns.ProcessAsync(
                activity,
                null,
                async (turn, ct) =>
                {
                    replies = [.. turn.Replies.Where(r => ShouldSend(r, activity.ChannelId))];
                    if (!expectReplies)
                    {
                        foreach (var reply in replies)
                        {
                            // Sequential: some channels reorder messages that overlap (§2).
                            await connector.SendAsync(activity.ServiceUrl!, reply, ct);
                        }
                    }
                },
                stopping);
            if (expectReplies)
            {
                return Results.Json(new ExpectedReplies(replies), ActivityJson.Options);
            }

            if (activity.Type == ActivityTypes.Invoke)
            {
                var invoke = result.InvokeResponse ?? new InvokeResponse(StatusCodes.Status501NotImplemented);
                return invoke.Body is { } body ? Results.Json(body, statusCode: invoke.Status) : Results.StatusCode(invoke.Status);
            }

            return Results.Ok();
        }
        catch (ConnectorException ex)
        {
            LogRepliesLost(ex, replies.Count);
            return Problem(StatusCodes.Status502BadGateway, "The bot's replies could not be delivered to the channel.");
        }
    }

    /// <summary>Trace activities are debugging aids only the Emulator shows (§1.3).</summary>
    private static bool ShouldSend(Activity reply, string? channelId) =>
        reply.Type != ActivityTypes.Trace || channelId == "emulator";

    private static IResult Problem(int status, string? detail) =>
        Results.Problem(detail: detail, statusCode: status);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "Replies of a turn could not be delivered ({ReplyCount} in the turn)")]
    private partial void LogRepliesLost(Exception exception, int replyCount);

    private sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
}
