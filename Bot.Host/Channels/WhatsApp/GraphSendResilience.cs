using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// What message sends retry (<see cref="ChannelRetryPipeline"/>): only answers that prove the message was not
/// accepted and ask us to slow down, that is 429, 503, or a throttling code in Graph's error body (130429, 131056, …;
/// Graph often sends them with a 400). Timeouts and other errors are not retried: Graph has no idempotency key, so a
/// repeat could reach the user twice. The wait is <see cref="WhatsAppOptions.RetryBaseDelay"/> times 4 per retry,
/// or Graph's Retry-After when longer, at most <see cref="WhatsAppOptions.MaxRetryDelay"/>, and never shorter than
/// <see cref="WhatsAppOptions.MinSendInterval"/> (the spacing between two messages to one user).
/// </summary>
internal static class GraphSendResilience
{
    /// <summary>Error bodies are a few hundred bytes; a bigger one is not read for a code.</summary>
    private const long MaxErrorBodyBytes = 64 * 1024;

    public static IHttpClientBuilder AddGraphSendResilience(this IHttpClientBuilder builder) =>
        builder.AddChannelRetries(services =>
        {
            var options = services.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            var logger = services.GetRequiredService<ILogger<GraphClient>>();
            return new ChannelRetryPolicy
            {
                MaxAttempts = options.MaxSendAttempts,
                AttemptTimeout = options.GraphTimeout,
                ShouldRetry = (outcome, cancellationToken) =>
                    outcome.Result is { } response ? IsRateLimitedAsync(response, cancellationToken) : ValueTask.FromResult(false),
                Delay = (retry, retryAfter) => Longest(
                    ChannelRetryPolicy.Exponential(options.RetryBaseDelay, 4, retry, options.MaxRetryDelay),
                    ChannelRetryPolicy.Capped(retryAfter ?? TimeSpan.Zero, options.MaxRetryDelay),
                    options.MinSendInterval),
                OnRetry = async args =>
                {
                    var response = args.Outcome.Result!;
                    var code = await GraphClient.ReadErrorCodeAsync(response, args.Context.CancellationToken);
                    WhatsAppLog.RateLimited(logger, (int)response.StatusCode, code, args.RetryDelay);
                },
            };
        });

    private static async ValueTask<bool> IsRateLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return false;
        }

        try
        {
            // Buffered, so that the caller can still read the body of the answer it finally gets.
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return GraphSendResult.IsRateLimitAnswer((int)response.StatusCode, null);
        }

        return GraphSendResult.IsRateLimitAnswer((int)response.StatusCode, await GraphClient.ReadErrorCodeAsync(response, cancellationToken));
    }

    private static TimeSpan Longest(params ReadOnlySpan<TimeSpan> waits)
    {
        var longest = TimeSpan.Zero;
        foreach (var wait in waits)
        {
            longest = wait > longest ? wait : longest;
        }

        return longest;
    }
}
