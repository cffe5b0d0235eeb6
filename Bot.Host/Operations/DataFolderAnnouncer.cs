using Bot.Host.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;

namespace Bot.Host.Operations;

/// <summary>
/// Once the host listens, writes its addresses into the data folder's lock description
/// (<see cref="DataFolderLock.Announce"/>): a second process refused the folder can say where the running host is,
/// and the <c>backup</c> verb can reach it. Creating the <see cref="ControlToken"/> here makes it exist from the start.
/// </summary>
internal sealed class DataFolderAnnouncer(DataFolderLock folderLock, ControlToken token, IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = token.Value;
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            folderLock.Announce(addresses);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
