using System.Security.Cryptography;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The one-time code that makes the first coordinator ("admin KODE"). Only its SHA-256 is stored. While unused,
/// a fresh code replaces it at each start (the old one cannot be printed again); once used, none is issued.
/// </summary>
internal sealed class LiteDbAdminCodeStore(SinergiDatabase database, TimeProvider time) : IAdminCodeStore
{
    private const string BootstrapId = "bootstrap";
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private readonly ILiteCollection<StoredAdminCode> _codes = database.Collection<StoredAdminCode>("admin_codes");

    /// <summary>A new code to print, or null when the first coordinator already used theirs.</summary>
    public string? IssueIfUnused() => database.InTransaction(() =>
    {
        if (_codes.FindById(BootstrapId) is { UsedBy: not null })
        {
            return null;
        }

        var code = RandomNumberGenerator.GetString(Alphabet, 12);
        _codes.Upsert(new StoredAdminCode { Id = BootstrapId, Hash = StoredAdminCode.HashOf(code), CreatedAt = time.GetUtcNow().UtcDateTime });
        return code;
    });

    /// <summary>Whether the code is the unused bootstrap code (checked before asking the new coordinator's name).</summary>
    public bool IsValid(string code)
    {
        var stored = _codes.FindById(BootstrapId);
        return stored is { UsedBy: null } && code.Length <= 64
            && stored.Matches(code);
    }

    /// <summary>Marks the bootstrap code used without a chat (the first coordinator was created on the command line).</summary>
    public void Retire(string userId) => database.InTransaction(() =>
    {
        var stored = _codes.FindById(BootstrapId) ?? new StoredAdminCode { Id = BootstrapId, Hash = StoredAdminCode.HashOf(RandomNumberGenerator.GetString(Alphabet, 12)), CreatedAt = time.GetUtcNow().UtcDateTime };
        if (stored.UsedBy is null)
        {
            stored.UsedBy = userId;
            stored.UsedAt = time.GetUtcNow().UtcDateTime;
            _codes.Upsert(stored);
        }
    });

    /// <summary>Uses the code once for <paramref name="userId"/>; false when it is wrong or already used.</summary>
    public bool TryRedeem(string code, string userId) => database.InTransaction(() =>
    {
        var stored = _codes.FindById(BootstrapId);
        if (stored is null || stored.UsedBy is not null || code.Length > 64 || !stored.Matches(code))
        {
            return false;
        }

        stored.UsedBy = userId;
        stored.UsedAt = time.GetUtcNow().UtcDateTime;
        _codes.Update(stored);
        return true;
    });

}
