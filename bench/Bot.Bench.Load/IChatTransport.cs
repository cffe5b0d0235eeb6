namespace Bot.Bench.Load;

/// <summary>How the generator reaches a bot: opens conversations for a user.</summary>
internal interface IChatTransport : IAsyncDisposable
{
    /// <summary>Starts a new conversation (a new conversation id) for <paramref name="userId"/>.</summary>
    Task<IChatSession> OpenAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>One conversation: send a message, get the bot's reply texts of that turn.</summary>
internal interface IChatSession : IAsyncDisposable
{
    /// <summary>
    /// Sends <paramref name="text"/> and returns once the turn's reply arrived: for channels that stream replies,
    /// the first reply containing <paramref name="expect"/> (or the first reply when there is nothing to expect).
    /// </summary>
    Task<IReadOnlyList<string>> SendAsync(string text, string? expect, CancellationToken cancellationToken);
}
