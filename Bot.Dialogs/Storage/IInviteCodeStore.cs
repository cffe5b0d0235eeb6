using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>
/// Invite codes ("gabung KODE"): for a fokal of an OPD or for a coordinator, each valid for a week and for one
/// person unless the coordinator asked for more. A use is recorded in the transaction that grants the role, so a
/// code for one person cannot enrol two, however close together they try.
/// </summary>
public interface IInviteCodeStore
{
    /// <summary>How long a code stays valid.</summary>
    static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    /// <summary>Most people one code may enrol.</summary>
    const int MaxUsesLimit = 50;

    InviteCode Create(int organisationId, string createdBy, Role role = Role.Fokal, int maxUses = 1);

    /// <summary>The code as stored, valid or not (to recognise someone who already used it), or null.</summary>
    InviteCode? Find(string code);

    /// <summary>The code if it exists, is not revoked, has not expired and has a use left.</summary>
    InviteCode? FindValid(string code);

    /// <summary>
    /// Records that <paramref name="userId"/> used the code; false when it has no use left (or is no longer valid).
    /// Call inside the transaction that grants the role.
    /// </summary>
    bool TryUse(string code, string userId);
}
