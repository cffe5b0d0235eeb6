using Bot.Host.Web.RateLimiting;

namespace Bot.Host.Channels.BotFramework;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
internal static class BotFrameworkEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c>; other methods on that path get 405 from routing.</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http))
            .WithName("BotFrameworkMessages")
            .RequireRateLimiting(HttpRateLimits.Webhooks);
        return app;
    }
}
