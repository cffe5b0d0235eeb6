namespace Bot.Host.Channels;

/// <summary>A response's <c>Retry-After</c> (RFC 9110 §10.2.3) as a wait, read against the injected clock.</summary>
internal static class RetryAfter
{
    /// <summary>The seconds, or the HTTP date less <paramref name="now"/> (never negative); null without the header.</summary>
    public static TimeSpan? Of(HttpResponseMessage? response, DateTimeOffset now)
    {
        var wait = response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
