using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// Trains the intent model when the host starts, in the background, so the first message does not wait for it
/// (training takes a few seconds; a message that arrives earlier waits for the same training, never a second one).
/// </summary>
internal sealed partial class UnderstandingWarmUp(MessageUnderstander understander, ILogger<UnderstandingWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        understander.WarmUp();
        if (!stoppingToken.IsCancellationRequested)
        {
            LogReady(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }, stoppingToken);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Understanding model ready in {Seconds:0.0} s")]
    private partial void LogReady(double seconds);
}
