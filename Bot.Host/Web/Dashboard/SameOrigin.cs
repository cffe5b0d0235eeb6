namespace Bot.Host.Web.Dashboard;

/// <summary>A POST must come from a page of this host: the Origin header (when the browser sends one) must match.</summary>
internal static class SameOrigin
{
    public static bool Holds(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
