using Polly;

namespace Bot.Host.Channels;

/// <summary>
/// How many times a request went out through a retrying HttpClient (Microsoft.Extensions.Http.Resilience), kept on
/// the request itself so the caller can say so when it finally gives up.
/// </summary>
internal static class RetryAttempts
{
    private static readonly HttpRequestOptionsKey<int> Key = new("Sinergi.Attempts");

    /// <summary>Called from a retry's OnRetry: the request is about to go out once more.</summary>
    public static void CountRetry(ResilienceContext context, int retryIndex) =>
        context.GetRequestMessage()?.Options.Set(Key, retryIndex + 2);

    /// <summary>Attempts made for <paramref name="request"/> (1 when it was never retried).</summary>
    public static int Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var attempts) ? attempts : 1;
}
