using System.Security.Cryptography;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>The one-time code that makes the first coordinator; only its SHA-256 is stored, its row locked while used.</summary>
internal sealed class PostgresAdminCodeStore(PostgresDatabase database, TimeProvider time) : IAdminCodeStore
{
    private const string BootstrapId = "bootstrap";
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private readonly DocumentTable<StoredAdminCode> _codes = new(database, "admin_codes");

    public string? IssueIfUnused() => database.Transactions.Run(() =>
    {
        if (_codes.GetForUpdate(BootstrapId) is { UsedBy: not null })
        {
            return null;
        }

        var code = RandomNumberGenerator.GetString(Alphabet, 12);
        _codes.Upsert(BootstrapId, new StoredAdminCode { Id = BootstrapId, Hash = StoredAdminCode.HashOf(code), CreatedAt = time.GetUtcNow().UtcDateTime });
        return code;
    });

    public bool IsValid(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _codes.Get(BootstrapId) is { UsedBy: null } stored && code.Length <= 64 && stored.Matches(code);
    }

    public void Retire(string userId) => database.Transactions.Run(() =>
    {
        var stored = _codes.GetForUpdate(BootstrapId)
            ?? new StoredAdminCode { Id = BootstrapId, Hash = StoredAdminCode.HashOf(RandomNumberGenerator.GetString(Alphabet, 12)), CreatedAt = time.GetUtcNow().UtcDateTime };
        if (stored.UsedBy is null)
        {
            stored.UsedBy = userId;
            stored.UsedAt = time.GetUtcNow().UtcDateTime;
            _codes.Upsert(BootstrapId, stored);
        }
    });

    public bool TryRedeem(string code, string userId) => database.Transactions.Run(() =>
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = _codes.GetForUpdate(BootstrapId);
        if (stored is null || stored.UsedBy is not null || code.Length > 64 || !stored.Matches(code))
        {
            return false;
        }

        stored.UsedBy = userId;
        stored.UsedAt = time.GetUtcNow().UtcDateTime;
        _codes.Update(BootstrapId, stored);
        return true;
    });

}
