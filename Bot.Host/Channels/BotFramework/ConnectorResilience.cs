using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// What the Connector client retries (<see cref="ChannelRetryPipeline"/>): throttling (429, 408), server errors and
/// unreachable channels, up to <see cref="BotFrameworkOptions.DeliveryMaxAttempts"/> tries. It waits the channel's
/// Retry-After when it sends one, else <see cref="BotFrameworkOptions.DeliveryBaseDelay"/> doubled per retry, never
/// longer than <see cref="BotFrameworkOptions.DeliveryMaxDelay"/>.
/// </summary>
internal static partial class ConnectorResilience
{
    /// <summary>One attempt's limit (the whole call's limit before retries moved into the pipeline).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder) =>
        builder.AddChannelRetries(services => Policy(
            services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value, services.GetRequiredService<ILogger<ConnectorClient>>()));

    private static ChannelRetryPolicy Policy(BotFrameworkOptions options, ILogger logger) => new()
    {
        MaxAttempts = options.DeliveryMaxAttempts,
        AttemptTimeout = AttemptTimeout,
        ShouldRetry = (outcome, _) => ValueTask.FromResult(IsTransient(outcome)),
        Delay = (retry, retryAfter) => retryAfter is { } wait
            ? ChannelRetryPolicy.Capped(wait, options.DeliveryMaxDelay)
            : ChannelRetryPolicy.Exponential(options.DeliveryBaseDelay, 2, retry, options.DeliveryMaxDelay),
        OnRetry = args =>
        {
            var status = args.Outcome.Result?.StatusCode ?? (args.Outcome.Exception as HttpRequestException)?.StatusCode;
            LogRetrying(logger, (int?)status, args.RetryDelay, args.AttemptNumber + 1);
            return ValueTask.CompletedTask;
        },
    };

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

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Channel answered {StatusCode}; retrying in {Delay} (attempt {Attempt})")]
    private static partial void LogRetrying(ILogger logger, int? statusCode, TimeSpan delay, int attempt);
}
