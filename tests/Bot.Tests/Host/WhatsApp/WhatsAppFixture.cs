using System.Text.Json.Nodes;
using Bot.Dialogs.Engine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>Per-test plumbing: a temp data folder, the stub Graph server and a channel host with a recording feature.</summary>
public abstract class WhatsAppFixture : IAsyncLifetime
{
    private readonly List<WhatsAppTestHost> _hosts = [];

    protected TempDirectory Folder { get; } = new();

    protected StubGraphServer Graph { get; private set; } = null!;

    protected RecordingHandler Recorder { get; } = new();

    public async Task InitializeAsync() => Graph = await StubGraphServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Graph.DisposeAsync();
        Folder.Dispose();
    }

    protected async Task<WhatsAppTestHost> StartHostAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var host = await WhatsAppTestHost.StartAsync(
            Folder.Path, Graph.BaseUrl, settings, time, collection =>
            {
                collection.AddSingleton<ITurnHandler>(Recorder);
                services?.Invoke(collection);
            });
        _hosts.Add(host);
        return host;
    }

    /// <summary>Stops a host as a restart would (the LiteDB file stays in the folder).</summary>
    protected async Task StopHostAsync(WhatsAppTestHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    protected static async Task PostOkAsync(WhatsAppTestHost host, byte[] body)
    {
        using var response = await host.PostAsync(body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Waits (up to 15 s) for work the channel finishes after the stub has answered, such as recording a send.</summary>
    protected static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 750; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The expected state was not reached.");
    }

    protected static string? Type(JsonObject send) => send["type"]?.GetValue<string>();

    protected static string? TextBody(JsonObject send) => send["text"]?["body"]?.GetValue<string>();

    protected static string? InteractiveBody(JsonObject send) => send["interactive"]?["body"]?["text"]?.GetValue<string>();
}
