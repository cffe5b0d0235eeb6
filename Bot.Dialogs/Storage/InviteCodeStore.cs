using System.Security.Cryptography;
using Bot.Dialogs.Domain;
using LiteDB;

namespace Bot.Dialogs.Storage;

/// <summary>Invite codes that let a fokal join an OPD ("gabung KODE"); each is valid for a week.</summary>
public sealed class InviteCodeStore(SinergiDatabase database, TimeProvider time)
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private readonly ILiteCollection<InviteCode> _codes = database.Collection<InviteCode>("invite_codes");

    public InviteCode Create(int organisationId, string createdBy)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = new InviteCode
        {
            Id = RandomNumberGenerator.GetString(Alphabet, 8),
            OrganisationId = organisationId,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = now + Validity,
        };
        _codes.Insert(code);
        return code;
    }

    /// <summary>The code if it exists, is not revoked and has not expired.</summary>
    public InviteCode? FindValid(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > 20)
        {
            return null;
        }

        var found = _codes.FindById(normalized);
        return found is { Revoked: false } && found.ExpiresAt > time.GetUtcNow().UtcDateTime ? found : null;
    }

    /// <summary>Records who used the code (a code may enrol several fokal of the same OPD until it expires).</summary>
    public void MarkUsed(InviteCode code, string userId)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!code.UsedBy.Contains(userId))
        {
            code.UsedBy.Add(userId);
            _codes.Update(code);
        }
    }
}
