using Polly;
using Polly.Retry;

namespace Bot.Host.Channels;

/// <summary>
/// Retries for a channel's outgoing HttpClient through Microsoft.Extensions.Http.Resilience (Polly 8): a retry
/// strategy whose waits run on the injected <see cref="TimeProvider"/>, and a timeout per attempt inside it. The
/// client's own timeout is then off; the caller's CancellationToken bounds the whole call.
/// </summary>
internal static class ChannelRetryPipeline
{
    private static readonly HttpRequestOptionsKey<int> AttemptsKey = new("Sinergi.Attempts");

    /// <summary>Adds the pipeline, named "{client}-retries" in logs and metrics.</summary>
    public static IHttpClientBuilder AddChannelRetries(this IHttpClientBuilder builder, Func<IServiceProvider, ChannelRetryPolicy> policy)
    {
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("retries", (pipeline, context) =>
        {
            var settings = policy(context.ServiceProvider);
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            if (settings.MaxAttempts > 1)
            {
                pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = settings.MaxAttempts - 1,
                    ShouldHandle = args => settings.ShouldRetry(args.Outcome, args.Context.CancellationToken),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(settings.Delay(args.AttemptNumber, RetryAfter(args.Outcome.Result, time.GetUtcNow()))),
                    OnRetry = args =>
                    {
                        args.Context.GetRequestMessage()?.Options.Set(AttemptsKey, args.AttemptNumber + 2);
                        return settings.OnRetry(args);
                    },
                });
            }

            pipeline.AddTimeout(settings.AttemptTimeout);
        });
        return builder;
    }

    /// <summary>How many times <paramref name="request"/> went out (1 when it was never retried).</summary>
    public static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(AttemptsKey, out var attempts) ? attempts : 1;

    /// <summary>The answer's Retry-After (RFC 9110 §10.2.3): its seconds, or its date less now (never negative).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
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
