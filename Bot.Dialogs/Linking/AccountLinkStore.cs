using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Linking;

/// <summary>
/// Issues and redeems account-linking codes. Redeeming moves the redeeming channel account ("channel|id") into
/// the issuing user's accounts in one transaction, so roles, the OPD and commitments follow the person. The codes
/// are kept by <see cref="ILinkCodeStore"/>, the users (and their accounts) by <see cref="IUserStore"/>.
/// </summary>
internal sealed class AccountLinkStore(ILinkCodeStore codes, IUserStore users, TimeProvider time)
{
    public const int CodeLength = 8;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int MaxFailures = 5;
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    // No 0/O, 1/I/L: codes are read off one screen and typed on another.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>How long a sign-in code from a coordinator or the command line lasts (it is passed on by hand).</summary>
    public static readonly TimeSpan HandedOverLifetime = TimeSpan.FromHours(24);

    /// <summary>A fresh code for the user; earlier unused codes of that user stop working.</summary>
    public string Issue(string userId, string accountKey) => Issue(userId, accountKey, Lifetime);

    /// <summary>A fresh code valid for <paramref name="lifetime"/>; <paramref name="issuedBy"/> is who asked (an account key or "cli").</summary>
    public string Issue(string userId, string issuedBy, TimeSpan lifetime)
    {
        var code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, CodeLength));
        var now = time.GetUtcNow();
        var accountKey = issuedBy;
        codes.Replace(new LinkCode
        {
            Id = Hash(code),
            UserId = userId,
            IssuedBy = accountKey,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = (now + lifetime).ToUnixTimeMilliseconds(),
        });
        return code;
    }

    /// <summary>Redeems a code from <paramref name="accountKey"/>; returns what happened and the user it now belongs to.</summary>
    public (LinkOutcome Outcome, BotUser? User) Redeem(string code, string accountKey)
    {
        ArgumentNullException.ThrowIfNull(code);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var attempts = codes.FindAttempts(accountKey);
        if (attempts is not null && nowMs - attempts.WindowStartMs < FailureWindow.TotalMilliseconds && attempts.Failures >= MaxFailures)
        {
            return (LinkOutcome.TooManyAttempts, (BotUser?)null);
        }

        var stored = codes.Find(Hash(code.Trim().ToUpperInvariant()));
        var target = stored is null || stored.ExpiresAtMs <= nowMs ? null : users.Get(stored.UserId);
        if (target is null)
        {
            CountFailure(attempts, accountKey, nowMs);
            return (LinkOutcome.InvalidOrExpired, null);
        }

        if (target.Accounts.Contains(accountKey))
        {
            return (LinkOutcome.AlreadyLinked, target);
        }

        var source = users.FindByAccount(accountKey);
        if (source is not null && (source.Role != Role.Warga || source.OrganisationId is not null))
        {
            return (LinkOutcome.AccountHasRole, source);
        }

        MoveAccount(source, target, accountKey);
        codes.Delete(stored!.Id);
        codes.DeleteAttempts(accountKey);
        return (LinkOutcome.Linked, target);
    }

    /// <summary>
    /// Signs the account out: it no longer belongs to its person (who keeps their role, name and other accounts). A
    /// resident left without any account is deleted. Returns the person it belonged to, or null.
    /// </summary>
    public BotUser? Detach(string accountKey)
    {
        var owner = users.FindByAccount(accountKey);
        if (owner is null)
        {
            return null;
        }

        owner.Accounts.Remove(accountKey);
        if (owner.Accounts.Count == 0 && owner.Role == Role.Warga && owner.Name is null)
        {
            users.Delete(owner.Id);
        }
        else
        {
            users.Update(owner);
        }

        return owner;
    }

    private void MoveAccount(BotUser? source, BotUser target, string accountKey)
    {
        if (source is not null)
        {
            source.Accounts.Remove(accountKey);
            if (source.Accounts.Count == 0)
            {
                users.Delete(source.Id);
            }
            else
            {
                users.Update(source);
            }
        }

        target.Accounts.Add(accountKey);
        users.Update(target);
    }

    private void CountFailure(LinkAttempts? attempts, string accountKey, long nowMs)
    {
        if (attempts is null || nowMs - attempts.WindowStartMs >= FailureWindow.TotalMilliseconds)
        {
            attempts = new LinkAttempts { Id = accountKey, WindowStartMs = nowMs };
        }

        attempts.Failures++;
        codes.SaveAttempts(attempts);
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
