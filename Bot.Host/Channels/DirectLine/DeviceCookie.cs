namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The cookie that carries a web chat device's secret (<see cref="DeviceCredentials"/>): HttpOnly (no script can read
/// it), SameSite=Strict (no other site's page can use it), Secure on HTTPS, sent only to the token endpoints.
/// </summary>
internal static class DeviceCookie
{
    public const string Name = "sinergi_device";
    public const string Path = DirectLineChannel.BasePath + "/tokens";

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var value) ? value : null;

    public static void Write(HttpResponse response, string secret, TimeSpan lifetime) =>
        response.Cookies.Append(Name, secret, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = Path,
            MaxAge = lifetime,
            IsEssential = true,
        });
}
