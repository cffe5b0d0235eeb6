namespace Bot.Host.Web;

/// <summary>
/// One Information line per request: method, the matched route's template, status and duration. The template, not
/// the URL: URLs carry Direct Line tokens (<c>stream?t=…</c>), dashboard sign-in tokens (<c>masuk?t=…</c>),
/// conversation ids and tip codes, and none of them may reach a log (issue 14, finding 1). ASP.NET Core's own
/// request lines (category <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>) print the full URL, so they are held at
/// Warning in code, whatever the configuration says.
/// </summary>
internal static partial class RequestLog
{
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static WebApplicationBuilder AddRequestLog(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddFilter(HostingDiagnostics, LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseRequestLog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Host.Requests");
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (http, next) =>
        {
            var started = time.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                Handled(logger, http.Request.Method, route, http.Response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Handled(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
