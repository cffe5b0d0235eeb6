namespace Bot.Host.Channels.DirectLine;

/// <summary>The conversation a request may act on, or the refusal to send back.</summary>
internal sealed record Access(DirectLineConversation? Conversation, DirectLineGrant? Grant, IResult? Refusal)
{
    public static Access Refused(IResult refusal) => new(null, null, refusal);
}

/// <summary>
/// Checks a token against the conversation named in the URL. A token opens exactly one conversation:
/// missing is 401, forged, expired or for another conversation is 403, and an unknown conversation is 404.
/// </summary>
internal sealed class DirectLineAuth(DirectLineTokens tokens, DirectLineConversations conversations)
{
    public async Task<Access> CheckAsync(string? token, string? conversationId, CancellationToken cancellationToken)
    {
        var (failure, grant) = await tokens.ReadAsync(token, cancellationToken);
        switch (failure)
        {
            case TokenFailure.Missing:
                return Access.Refused(DirectLineResults.MissingToken());
            case TokenFailure.Expired:
                return Access.Refused(DirectLineResults.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; generate a new one."));
            case TokenFailure.Invalid:
                return Access.Refused(DirectLineResults.Forbidden("The token is not valid."));
        }

        if (conversationId is not null && !string.Equals(conversationId, grant!.ConversationId, StringComparison.Ordinal))
        {
            return Access.Refused(DirectLineResults.Forbidden("The token is for another conversation."));
        }

        var conversation = conversations.Find(grant!.ConversationId);
        if (conversation is null)
        {
            return Access.Refused(DirectLineResults.NotFound("The conversation does not exist (it may have been idle too long)."));
        }

        return conversation.UserId == grant.UserId
            ? new Access(conversation, grant, null)
            : Access.Refused(DirectLineResults.Forbidden("The token is for another user."));
    }

    public Task<Access> CheckAsync(HttpRequest request, string? conversationId, CancellationToken cancellationToken) =>
        CheckAsync(DirectLineRequests.BearerToken(request), conversationId, cancellationToken);
}
