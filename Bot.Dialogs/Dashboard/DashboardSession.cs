namespace Bot.Dialogs.Dashboard;

/// <summary>
/// A signed-in dashboard session. Stored under the SHA-256 of the cookie value, so a copy of the database does
/// not hand out live sessions.
/// </summary>
public sealed class DashboardSession
{
    public string Id { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;

    /// <summary>Echoed by every form of the dashboard (a second guard besides the SameSite=Strict cookie).</summary>
    public string FormToken { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
