using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// Trains the intent model when the host starts, in the background, so the first message does not wait for it
/// (training takes a few seconds; a message that arrives earlier waits for the same training, never a second one).
/// The warm-up only saves time: if it fails (a regex timing out on a starved machine, say), the host keeps running
/// and the first message does the work.
/// </summary>
internal sealed partial class UnderstandingWarmUp(MessageUnderstander understander, ILogger<UnderstandingWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => Run(understander.WarmUp, logger, stoppingToken), stoppingToken);

    /// <summary>Runs a warm-up; a failure is logged, never thrown (a failed background service stops the host).</summary>
    internal static void Run(Action warmUp, ILogger logger, CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            warmUp();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception.GetType().Name);
            }

            return;
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            LogReady(logger, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Understanding model ready in {Seconds:0.0} s")]
    private static partial void LogReady(ILogger logger, double seconds);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Understanding warm-up failed ({Error}); the first message will load the model instead")]
    private static partial void LogFailed(ILogger logger, string error);
}
