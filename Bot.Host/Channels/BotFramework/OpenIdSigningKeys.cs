using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// The signing keys published behind one OpenID metadata URL, cached and refreshed by a
/// <see cref="ConfigurationManager{T}"/> (periodically, and when a token names an unknown key), plus each key's
/// endorsements: the channel ids it may sign for (protocol §3.1 A.7). The OpenID model drops the
/// non-standard <c>endorsements</c> member, so the key document is read a second time, as raw JSON, on its way in.
/// </summary>
internal sealed class OpenIdSigningKeys : IDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _endorsements = new(StringComparer.Ordinal);

    public OpenIdSigningKeys(string metadataUrl)
    {
        // Held for the process lifetime, so connections are recycled to notice DNS changes.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        var documents = new RecordingRetriever(new HttpDocumentRetriever(_http) { RequireHttps = !IsLoopback(metadataUrl) }, this);
        Manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), documents);
    }

    public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; }

    /// <summary>The channels the key may sign for; empty when the key document lists none for it.</summary>
    public IReadOnlyList<string> EndorsementsOf(string? keyId) =>
        keyId is not null && _endorsements.TryGetValue(keyId, out var list) ? list : [];

    public void Dispose() => _http.Dispose();

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));

    private void Record(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                return; // the metadata document, not the key set
            }

            foreach (var key in keys.EnumerateArray())
            {
                if (key.ValueKind == JsonValueKind.Object && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String)
                {
                    _endorsements[kid.GetString()!] = ReadEndorsements(key);
                }
            }
        }
        catch (JsonException)
        {
            // The OpenID retriever rejects the same document and reports it; nothing to record.
        }
    }

    private static List<string> ReadEndorsements(JsonElement key) =>
        key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private sealed class RecordingRetriever(IDocumentRetriever inner, OpenIdSigningKeys owner) : IDocumentRetriever
    {
        public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            var document = await inner.GetDocumentAsync(address, cancel);
            owner.Record(document);
            return document;
        }
    }
}
