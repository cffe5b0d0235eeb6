using Bot.Dialogs.Storage;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>PostgreSQL errors as the storage ports' exceptions.</summary>
internal static class PostgresErrors
{
    /// <summary>The SQLSTATE of <c>sinergi_state_conflict</c> (migration 0017): a conversation state saved by someone else.</summary>
    public const string StateConflict = "SN409";

    /// <summary>
    /// A unique key used twice becomes <see cref="StorageConflictException"/>, a conversation state saved by someone
    /// else <see cref="ConcurrencyException"/>; the rest stays as it is.
    /// </summary>
    public static Exception Translate(PostgresException exception) => exception.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new StorageConflictException(
            $"A row with the same key exists already ({exception.TableName}, {exception.ConstraintName}).", exception),
        StateConflict when Conflict.From(exception.Hint) is { } conflict =>
            new ConcurrencyException(conflict.Key, conflict.Expected, conflict.Found),
        PostgresErrorCodes.DiskFull or PostgresErrorCodes.IoError or PostgresErrorCodes.ReadOnlySqlTransaction =>
            new StorageUnavailableException(exception.MessageText, exception),
        _ => exception,
    };

    /// <summary>What <c>sinergi_state_conflict</c> puts in its hint (Npgsql leaves out an error's detail unless told to include it).</summary>
    private sealed record Conflict(string Key, int Expected, int Found)
    {
        private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

        public static Conflict? From(string? hint) => hint is null ? null : System.Text.Json.JsonSerializer.Deserialize<Conflict>(hint, Json);
    }
}
