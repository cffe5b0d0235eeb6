using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// A loopback OpenID key host: channel metadata at <c>/channel/openid</c>, Emulator (Entra) metadata at
/// <c>/emulator/openid</c>, each pointing at its own key set, which a test can replace (key rotation).
/// </summary>
internal sealed class KeyHost : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    public string ChannelKeys { get; set; } = """{"keys":[]}""";

    public string EmulatorKeys { get; set; } = """{"keys":[]}""";

    public Uri ChannelMetadataUrl => new(_server.BaseAddress, "channel/openid");

    public Uri EmulatorMetadataUrl => new(_server.BaseAddress, "emulator/openid");

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<KeyHost> StartAsync()
    {
        var host = new KeyHost();
        host._server = await LoopbackServer.StartAsync(host.RespondAsync);
        return host;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task RespondAsync(RecordedRequest request, HttpResponse response)
    {
        var document = request.RawTarget switch
        {
            "/channel/openid" => TestSigner.Metadata(TestSigner.ChannelIssuer, new Uri(_server.BaseAddress, "channel/keys")),
            "/channel/keys" => ChannelKeys,
            "/emulator/openid" => TestSigner.Metadata(EmulatorIssuer, new Uri(_server.BaseAddress, "emulator/keys")),
            "/emulator/keys" => EmulatorKeys,
            _ => null,
        };
        if (document is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        response.ContentType = "application/json";
        return response.Body.WriteAsync(Encoding.UTF8.GetBytes(document)).AsTask();
    }

    public const string EmulatorIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
}
