using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Invite codes ("gabung KODE"): for a fokal of an OPD or for a coordinator, each valid for a week and for one
/// person unless the coordinator asked for more. A use is recorded in the transaction that grants the role, so a
/// code for one person cannot enrol two, however close together they try.
/// </summary>
internal sealed class LiteDbInviteCodeStore(SinergiDatabase database, TimeProvider time) : IInviteCodeStore
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.

    private readonly ILiteCollection<InviteCode> _codes = database.Collection<InviteCode>("invite_codes");

    public InviteCode Create(int organisationId, string createdBy, Role role = Role.Fokal, int maxUses = 1)
    {
        var code = InviteCode.New(organisationId, createdBy, role, maxUses, time.GetUtcNow().UtcDateTime);
        _codes.Insert(code);
        return code;
    }

    /// <summary>The code as stored, valid or not (to recognise someone who already used it), or null.</summary>
    public InviteCode? Find(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return normalized.Length is 0 or > 20 ? null : _codes.FindById(normalized);
    }

    /// <summary>The code if it exists, is not revoked, has not expired and has a use left.</summary>
    public InviteCode? FindValid(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > 20)
        {
            return null;
        }

        var found = _codes.FindById(normalized);
        return found is { Revoked: false } && !found.IsFull() && found.ExpiresAt > time.GetUtcNow().UtcDateTime ? found : null;
    }

    /// <summary>
    /// Records that <paramref name="userId"/> used the code; false when it has no use left (or is no longer valid).
    /// Call inside the transaction that grants the role.
    /// </summary>
    public bool TryUse(string code, string userId) => database.InTransaction(() =>
    {
        var current = FindValid(code);
        if (current is null)
        {
            return false;
        }

        if (!current.UsedBy.Contains(userId))
        {
            current.UsedBy.Add(userId);
            _codes.Update(current);
        }

        return true;
    });
}
