using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Coordinator;

/// <summary>At start-up, gives OPDs without a kabupaten/kota the configured one (<see cref="RegionOptions"/>).</summary>
internal sealed partial class DefaultRegionFiller(OrganisationRegions regions, ILogger<DefaultRegionFiller> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (regions.FillMissing() is var filled and > 0)
        {
            LogFilled(filled);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Gave {Count} OPD(s) without a Kabupaten/Kota the configured Sinergi:Region")]
    private partial void LogFilled(int count);
}
