namespace Bot.Host.Storage;

/// <summary>One database the readiness check asks whether it can write (<see cref="Operations.StorageHealthCheck"/>); each adapter registers its own.</summary>
internal interface IStorageProbe
{
    /// <summary>The name readiness reports it under (<c>main</c>, <c>tips</c>), the same for every provider.</summary>
    string Name { get; }

    Task<StorageHealth> CheckAsync(CancellationToken cancellationToken);
}
