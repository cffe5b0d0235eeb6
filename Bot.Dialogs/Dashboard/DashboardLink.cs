namespace Bot.Dialogs.Dashboard;

/// <summary>A one-time sign-in link for the dashboard and when it stops working.</summary>
public sealed record DashboardLink(Uri Url, DateTimeOffset ExpiresAt);
