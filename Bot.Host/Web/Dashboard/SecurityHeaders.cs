namespace Bot.Host.Web.Dashboard;

/// <summary>Headers for every dashboard response: nothing cached, nothing framed, only our own scripts and styles.</summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>For pages that carry their own small inline style (sign-in and refusals): no scripts at all.</summary>
    private const string BarePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response, bool bare = false)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Content-Security-Policy"] = bare ? BarePolicy : Policy;
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own form posts.
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
    }
}
