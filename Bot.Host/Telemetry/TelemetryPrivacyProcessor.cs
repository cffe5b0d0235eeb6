using System.Diagnostics;
using OpenTelemetry;

namespace Bot.Host.Telemetry;

/// <summary>
/// Cuts what the HTTP instrumentations record down to what carries no person: no client address or user agent, no
/// query string (sign-in links and stream tokens travel there), and paths replaced by their route template
/// (conversation ids and tip codes travel there). Runs before the exporter.
/// </summary>
internal sealed class TelemetryPrivacyProcessor : BaseProcessor<Activity>
{
    private static readonly string[] PersonalTags = ["client.address", "client.port", "network.peer.address", "network.peer.port", "user_agent.original", "url.query"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        switch (data.Source.Name)
        {
            case "Microsoft.AspNetCore":
                foreach (var tag in PersonalTags)
                {
                    data.SetTag(tag, null);
                }

                data.SetTag("url.path", data.GetTagItem("http.route"));
                break;
            case "System.Net.Http":
                // Connector paths hold conversation ids; the host tells which channel was called.
                data.SetTag("url.full", data.GetTagItem("url.full") is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null);
                break;
        }
    }
}
