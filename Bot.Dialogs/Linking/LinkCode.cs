namespace Bot.Dialogs.Linking;

/// <summary>
/// A one-time code that lets another channel account join the user who asked for it. Only the code's SHA-256
/// is stored, so the database never holds a usable code. Times are Unix milliseconds.
/// </summary>
internal sealed class LinkCode
{
    /// <summary>The hex SHA-256 of the upper-case code.</summary>
    public string Id { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;
    public string IssuedBy { get; set; } = string.Empty;
    public long CreatedAtMs { get; set; }
    public long ExpiresAtMs { get; set; }
}

/// <summary>Failed redemptions per account, to stop guessing.</summary>
internal sealed class LinkAttempts
{
    public string Id { get; set; } = string.Empty;
    public int Failures { get; set; }
    public long WindowStartMs { get; set; }
}

/// <summary>What redeeming a code did.</summary>
internal enum LinkOutcome
{
    Linked,
    AlreadyLinked,
    InvalidOrExpired,
    TooManyAttempts,

    /// <summary>This account's own user has a role or an OPD that would be lost; link the other way round.</summary>
    AccountHasRole,
}
