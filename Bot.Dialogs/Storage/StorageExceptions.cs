namespace Bot.Dialogs.Storage;

/// <summary>
/// The database cannot write now (a full disk, an I/O error). Nothing of the failed call was acknowledged; the
/// database recovers by itself once a write succeeds again (<see cref="SinergiDatabase.Health"/>). The turn pipeline
/// answers it with a short apology, channels with 503.
/// </summary>
public sealed class StorageUnavailableException(string reason, Exception? inner = null)
    : Exception("Storage is unavailable: " + reason, inner)
{
    public string Reason { get; } = reason;
}

/// <summary>A database file failed the integrity check at start; the host refuses to serve it.</summary>
public sealed class DatabaseDamagedException(string path, string problem, Exception? inner = null) : Exception(
    $"The database file {path} is damaged ({problem}). It will not be served. Stop here and run the repair verb "
    + "(dotnet run --project Bot.Host -- repair): it rebuilds the data into a new file, keeps the damaged one and "
    + "reports what could not be recovered. Or restore the latest backup (README, \"Backup and restore\").",
    inner)
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
