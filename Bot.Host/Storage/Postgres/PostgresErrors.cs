using Bot.Dialogs.Storage;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>PostgreSQL errors as the storage ports' exceptions.</summary>
internal static class PostgresErrors
{
    /// <summary>A unique key used twice becomes <see cref="StorageConflictException"/>; the rest stays as it is.</summary>
    public static Exception Translate(PostgresException exception) => exception.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new StorageConflictException(
            $"A row with the same key exists already ({exception.TableName}, {exception.ConstraintName}).", exception),
        PostgresErrorCodes.DiskFull or PostgresErrorCodes.IoError or PostgresErrorCodes.ReadOnlySqlTransaction =>
            new StorageUnavailableException(exception.MessageText, exception),
        _ => exception,
    };
}
