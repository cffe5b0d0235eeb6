namespace Bot.Dialogs.Storage;

/// <summary>
/// The database cannot write now (a full disk, an I/O error). Nothing of the failed call was acknowledged; the
/// database recovers by itself once a write succeeds again. The turn pipeline
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

/// <summary>
/// A write collided with one already stored (a unique key used twice: the same sign-in link redeemed by two requests
/// at once). Nothing of the failed change was kept.
/// </summary>
public sealed class StorageConflictException(string message, Exception? inner = null) : Exception(message, inner);
