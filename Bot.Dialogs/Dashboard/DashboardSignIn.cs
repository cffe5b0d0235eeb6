using Bot.Dialogs.Engine.Protection;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Dashboard;

/// <summary>
/// Turns a sign-in link into a session: the signature must hold, the link must be unexpired and unused, and its
/// user must be a coordinator at this moment (a role taken away after the link was sent counts).
/// </summary>
public sealed class DashboardSignIn(
    DashboardLinkTokens tokens,
    IDashboardSessionStore store,
    IUserStore users,
    DashboardSessionStore sessions,
    TimeProvider time)
{
    /// <summary>Checks a link without using it up (the confirmation page).</summary>
    public SignInRefusal Check(string? token) => Validate(token).Refusal;

    /// <summary>
    /// Uses the link up and starts a session; returns the cookie secret, or the refusal. Run it in a unit of work
    /// (the endpoint does, through <see cref="UnitOfWorkRunner"/>), so the link's mark and the session are kept
    /// together; a request that raced another with the same link runs again and finds it used.
    /// </summary>
    public SignInResult Redeem(string? token)
    {
        try
        {
            var (refusal, parsed) = Validate(token);
            if (parsed is null)
            {
                return new SignInResult(refusal, null);
            }

            store.MarkLinkUsed(parsed.TokenId, parsed.ExpiresAt.UtcDateTime, time.GetUtcNow().UtcDateTime);
            return new SignInResult(SignInRefusal.None, sessions.Create(parsed.UserId));
        }
        catch (StorageConflictException)
        {
            // Two requests raced with the same link: the unique id let exactly one of them through.
            return new SignInResult(SignInRefusal.AlreadyUsed, null);
        }
    }

    private (SignInRefusal Refusal, DashboardLinkToken? Token) Validate(string? token)
    {
        var (state, parsed) = tokens.Read(token);
        if (parsed is null)
        {
            return (SignInRefusal.Invalid, null);
        }

        if (state == ProtectedState.Expired)
        {
            return (SignInRefusal.Expired, null);
        }

        if (store.IsLinkUsed(parsed.TokenId))
        {
            return (SignInRefusal.AlreadyUsed, null);
        }

        return users.Get(parsed.UserId) is { IsCoordinator: true } ? (SignInRefusal.None, parsed) : (SignInRefusal.NotCoordinator, null);
    }
}

/// <summary>Why a link was refused.</summary>
public enum SignInRefusal
{
    None,
    Invalid,
    Expired,
    AlreadyUsed,
    NotCoordinator,
}

/// <summary>The outcome of redeeming a link: the session secret for the cookie when accepted.</summary>
public sealed record SignInResult(SignInRefusal Refusal, string? SessionSecret)
{
    public bool Accepted => Refusal == SignInRefusal.None;
}
