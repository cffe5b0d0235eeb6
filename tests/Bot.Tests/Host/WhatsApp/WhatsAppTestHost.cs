using Bot.Host.Storage.LiteDb;
using System.Net;
using System.Net.Http.Headers;
using Bot.Dialogs;
using Bot.Host.Channels.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bot.Host.Web.SignedLinks;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// The conversation layer plus the WhatsApp channel on real Kestrel (127.0.0.1, random port) over a LiteDB file
/// in the given folder, talking to the stub Graph server. Dispose and start again on the same folder to restart.
/// </summary>
public sealed class WhatsAppTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WhatsAppTestHost(WebApplication app, CollectingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
    }

    public HttpClient Client { get; private set; } = null!;

    public CollectingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WhatsAppTestHost> StartAsync(
        string dataDirectory, Uri graphBaseUrl, IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(Settings(graphBaseUrl));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddBotDialogs(builder.Configuration);
        builder.Services.AddLiteDbStorage(builder.Configuration);
        builder.Services.AddSignedLinks();
        builder.Services.AddWhatsApp(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapWhatsApp();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WhatsAppTestHost(app, logs) { Client = new HttpClient { BaseAddress = new Uri(address) } };
    }

    /// <summary>The channel switched on against the Graph at <paramref name="graphBaseUrl"/>, with short waits.</summary>
    public static Dictionary<string, string?> Settings(Uri graphBaseUrl) => new()
    {
        ["WhatsApp:Enabled"] = "true",
        ["WhatsApp:VerifyToken"] = Webhook.VerifyToken,
        ["WhatsApp:AppSecret"] = Webhook.AppSecret,
        ["WhatsApp:AccessToken"] = StubGraphServer.Token,
        ["WhatsApp:PhoneNumberId"] = Webhook.PhoneNumberId,
        ["WhatsApp:GraphBaseUrl"] = graphBaseUrl.ToString(),
        ["WhatsApp:ReorderWindow"] = "00:00:00",
        ["WhatsApp:MinSendInterval"] = "00:00:00",
        ["WhatsApp:RetryBaseDelay"] = "00:00:00.020",
    };

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>POSTs the body to the webhook with a signature (by default a correct one).</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature = null, bool sign = true)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = content };
        if (sign)
        {
            request.Headers.Add("X-Hub-Signature-256", signature ?? Webhook.Sign(body));
        }

        return Client.SendAsync(request, Support.TestContext.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
