using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// The Connector client's retries (Microsoft.Extensions.Http.Resilience, Polly 8): throttling (429, 408), server
/// errors and unreachable channels are tried up to <see cref="BotFrameworkOptions.DeliveryMaxAttempts"/> times,
/// waiting the channel's Retry-After when it sends one, else <see cref="BotFrameworkOptions.DeliveryBaseDelay"/>
/// doubled per retry, never longer than <see cref="BotFrameworkOptions.DeliveryMaxDelay"/>. Waits run on the
/// injected <see cref="TimeProvider"/>. Each attempt has its own timeout.
/// </summary>
internal static partial class ConnectorResilience
{
    public const string PipelineName = "botframework-connector";

    /// <summary>One attempt's limit (the whole call's limit before retries moved into the pipeline).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorClient>>();
            if (options.DeliveryMaxAttempts > 1)
            {
                pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.DeliveryMaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    Delay = options.DeliveryBaseDelay,
                    MaxDelay = options.DeliveryMaxDelay,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    DelayGenerator = args => ValueTask.FromResult(
                        RetryAfter.Of(args.Outcome.Result, time.GetUtcNow()) is { } wait ? Min(wait, options.DeliveryMaxDelay) : (TimeSpan?)null),
                    OnRetry = args =>
                    {
                        RetryAttempts.CountRetry(args.Context, args.AttemptNumber);
                        LogRetrying(logger, (int?)(args.Outcome.Result?.StatusCode ?? (args.Outcome.Exception as HttpRequestException)?.StatusCode), args.RetryDelay, args.AttemptNumber + 1);
                        return ValueTask.CompletedTask;
                    },
                });
            }

            pipeline.AddTimeout(AttemptTimeout);
        });
        return builder;
    }

    /// <summary>Throttling, server errors and unreachable channels (no status at all) are worth another try.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsTransient(response.StatusCode),
        { Exception: HttpRequestException failure } => failure.StatusCode is not { } status || IsTransient(status),
        { Exception: TimeoutRejectedException } => true,
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Channel answered {StatusCode}; retrying in {Delay} (attempt {Attempt})")]
    private static partial void LogRetrying(ILogger logger, int? statusCode, TimeSpan delay, int attempt);
}
