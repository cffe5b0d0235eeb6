using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// The retries of message sends (Microsoft.Extensions.Http.Resilience, Polly 8). Only answers that prove the
/// message was not accepted and ask us to slow down are retried: 429, 503, or a throttling code in Graph's error
/// body (130429, 131056, …; Graph often sends them with 400). Timeouts and other errors are not: Graph has no
/// idempotency key, so a repeat could reach the user twice. The wait is <see cref="WhatsAppOptions.RetryBaseDelay"/>
/// times 4 per retry or Graph's Retry-After if longer, at most <see cref="WhatsAppOptions.MaxRetryDelay"/>, and never
/// shorter than <see cref="WhatsAppOptions.MinSendInterval"/> (the spacing between two messages to one user).
/// </summary>
internal static class GraphSendResilience
{
    public const string PipelineName = "whatsapp-graph-send";

    /// <summary>Error bodies are a few hundred bytes; anything bigger is not read for a code.</summary>
    private const long MaxErrorBodyBytes = 64 * 1024;

    public static IHttpClientBuilder AddGraphSendResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILogger<GraphClient>>();
            if (options.MaxSendAttempts > 1)
            {
                pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxSendAttempts - 1,
                    ShouldHandle = args => args.Outcome.Result is { } response ? IsRateLimitedAsync(response, args.Context.CancellationToken) : ValueTask.FromResult(false),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(BackOff(options, args.AttemptNumber, RetryAfter.Of(args.Outcome.Result, time.GetUtcNow()))),
                    OnRetry = async args =>
                    {
                        RetryAttempts.CountRetry(args.Context, args.AttemptNumber);
                        var response = args.Outcome.Result!;
                        var code = await GraphClient.ReadErrorCodeAsync(response, args.Context.CancellationToken);
                        WhatsAppLog.RateLimited(logger, (int)response.StatusCode, code, args.RetryDelay);
                    },
                });
            }

            pipeline.AddTimeout(options.GraphTimeout);
        });
        return builder;
    }

    private static async ValueTask<bool> IsRateLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return false;
        }

        try
        {
            // Buffered, so the caller can still read the body of the answer it finally gets.
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return GraphSendResult.IsRateLimitAnswer((int)response.StatusCode, null);
        }

        return GraphSendResult.IsRateLimitAnswer((int)response.StatusCode, await GraphClient.ReadErrorCodeAsync(response, cancellationToken));
    }

    /// <summary>base × 4^retry, or Graph's Retry-After when longer, capped; at least the per-user spacing.</summary>
    private static TimeSpan BackOff(WhatsAppOptions options, int retry, TimeSpan? retryAfter)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(4, retry);
        var wanted = retryAfter is { } r && r > exponential ? r : exponential;
        var capped = wanted < options.MaxRetryDelay ? wanted : options.MaxRetryDelay;
        return capped > options.MinSendInterval ? capped : options.MinSendInterval;
    }
}
