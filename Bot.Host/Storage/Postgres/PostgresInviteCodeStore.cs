using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Invite codes. A use locks the code's row (<c>for update</c>) in the transaction that grants the role, so a code for
/// one person cannot enrol two, even from two hosts at once.
/// </summary>
internal sealed class PostgresInviteCodeStore(PostgresDatabase database, TimeProvider time) : IInviteCodeStore
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.

    private readonly DocumentTable<InviteCode> _codes = new(database, "invite_codes");

    public InviteCode Create(int organisationId, string createdBy, Role role = Role.Fokal, int maxUses = 1)
    {
        var code = InviteCode.New(organisationId, createdBy, role, maxUses, time.GetUtcNow().UtcDateTime);
        _codes.Insert(code.Id, code);
        return code;
    }

    public InviteCode? Find(string code) => Normalise(code) is { } id ? _codes.Get(id) : null;

    public InviteCode? FindValid(string code) => Normalise(code) is { } id ? Valid(_codes.Get(id)) : null;

    public bool TryUse(string code, string userId) => database.Transactions.Run(() =>
    {
        if (Normalise(code) is not { } id || Valid(_codes.GetForUpdate(id)) is not { } current)
        {
            return false;
        }

        if (!current.UsedBy.Contains(userId))
        {
            current.UsedBy.Add(userId);
            _codes.Update(current.Id, current);
        }

        return true;
    });

    private InviteCode? Valid(InviteCode? found) =>
        found is { Revoked: false } && !found.IsFull() && found.ExpiresAt > time.GetUtcNow().UtcDateTime ? found : null;

    private static string? Normalise(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return normalized.Length is 0 or > 20 ? null : normalized;
    }
}
