using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Posting an activity and polling the log.</summary>
internal static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{conversationId}/activities", PostAsync);
        group.MapGet("/conversations/{conversationId}/activities", PollAsync);
    }

    /// <summary>
    /// Runs the turn for the activity and answers with its id once the turn (the echo with it) is committed, or
    /// <see cref="DirectLineResults.NotKept"/> when nothing of it was kept.
    /// </summary>
    private static async Task<IResult> PostAsync(
        string conversationId,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var access = await auth.CheckAsync(request, conversationId, cancellationToken);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        var (activity, error) = await DirectLineRequests.ReadActivityAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // Files come through the upload endpoint; a URL typed into an activity would let the bot fetch anything.
        if (activity!.Attachments?.Any(a => a.ContentUrl is not null) == true)
        {
            return DirectLineResults.BadArgument("Send files through the upload endpoint, not as contentUrl.");
        }

        // A turn not kept (the storage unable to write included) is refused; the open sockets heard why from the turn.
        var posted = conversations.Post(access.Conversation!, activity);
        return await posted.Kept.WaitAsync(cancellationToken) ? Results.Ok(new ResourceResponse(posted.Echo.Id!)) : DirectLineResults.NotKept();
    }

    /// <summary>The log from the watermark on; answers immediately (never long-polls: Web Chat gives up on slow polls).</summary>
    private static async Task<IResult> PollAsync(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        ActivityFeed feed,
        CancellationToken cancellationToken)
    {
        var access = await auth.CheckAsync(request, conversationId, cancellationToken);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        // Polls come every second; recording them every few minutes is enough to keep the conversation alive.
        var conversation = access.Conversation!;
        conversations.TouchIfStale(conversation);

        return DirectLineResults.RawJson(feed.ReadSet(conversation, DirectLineRequests.Watermark(watermark)));
    }
}
