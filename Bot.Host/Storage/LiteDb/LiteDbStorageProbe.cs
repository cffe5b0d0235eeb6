namespace Bot.Host.Storage.LiteDb;

/// <summary>Readiness of one LiteDB file: its fault state, with a small probe write when it has a fault (<see cref="SinergiDatabase.CheckHealth"/>).</summary>
internal sealed class LiteDbStorageProbe(string name, Func<SinergiDatabase> database) : IStorageProbe
{
    public string Name => name;

    public Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database().CheckHealth());
    }
}
