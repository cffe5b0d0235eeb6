namespace Bot.Host.Web.Dashboard;

/// <summary>The session cookie: HttpOnly, SameSite=Strict, Secure on HTTPS, limited to /dasbor.</summary>
internal static class DashboardCookie
{
    public const string Name = "sinergi_dasbor";

    public static CookieOptions Options(HttpRequest request, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/dasbor",
        MaxAge = lifetime,
        IsEssential = true,
    };

    public static string? Read(HttpRequest request) => request.Cookies[Name];
}
