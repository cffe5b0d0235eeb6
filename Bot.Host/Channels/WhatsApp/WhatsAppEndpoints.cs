using Microsoft.Extensions.Options;
using Bot.Host.Web.RateLimiting;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>The webhook Meta calls: GET to verify the callback URL, POST to deliver messages and statuses.</summary>
internal static class WhatsAppEndpoints
{
    public const string Route = "/api/whatsapp";

    public static IEndpointRouteBuilder MapWhatsApp(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, Verify).RequireRateLimiting(HttpRateLimits.Webhooks);
        app.MapPost(Route, ReceiveAsync).RequireRateLimiting(HttpRateLimits.Webhooks);
        return app;
    }

    /// <summary>Echoes hub.challenge when hub.verify_token matches (protocol/whatsapp-cloud.md §1.1).</summary>
    private static IResult Verify(HttpRequest request, IOptions<WhatsAppOptions> options)
    {
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        var query = request.Query;
        var challenge = query["hub.challenge"].ToString();
        return query["hub.mode"] == "subscribe" && challenge.Length > 0
            && WebhookSignature.SecretEquals(query["hub.verify_token"].ToString(), options.Value.VerifyToken!)
            ? Results.Text(challenge, "text/plain")
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The verify token does not match.");
    }

    private static Task<IResult> ReceiveAsync(HttpRequest request, IOptions<WhatsAppOptions> options, WebhookReceiver receiver, CancellationToken cancellationToken) =>
        options.Value.Enabled ? receiver.ReceiveAsync(request, cancellationToken) : Task.FromResult(Results.NotFound());
}
