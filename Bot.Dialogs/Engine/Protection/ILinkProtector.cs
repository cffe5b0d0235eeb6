namespace Bot.Dialogs.Engine.Protection;

/// <summary>
/// Seals what a link carries out of the process (a dashboard sign-in, an evidence file) so that it comes back
/// unchanged, only for the same <c>purpose</c>, and only until its expiry on the injected clock. The host implements
/// it with ASP.NET Core Data Protection (Bot.Host/Web/SignedLinks); this layer references no ASP.NET Core.
/// </summary>
public interface ILinkProtector
{
    /// <summary>A URL-safe token holding <paramref name="payload"/> until <paramref name="expiresAt"/> (whole seconds).</summary>
    string Protect(string purpose, string payload, DateTimeOffset expiresAt);

    /// <summary>What a token holds, or why it is refused; never throws on garbage.</summary>
    Unprotected Unprotect(string purpose, string? token);
}

/// <summary>Whether a protected token may be used.</summary>
public enum ProtectedState
{
    Invalid,
    Expired,
    Valid,
}

/// <summary>A token's payload and expiry (empty when <see cref="ProtectedState.Invalid"/>).</summary>
public sealed record Unprotected(ProtectedState State, string Payload, DateTimeOffset ExpiresAt)
{
    public static Unprotected Invalid { get; } = new(ProtectedState.Invalid, string.Empty, DateTimeOffset.MinValue);
}
