using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Support;

/// <summary>
/// The real host (Program) on real Kestrel at 127.0.0.1 and a free port, over a given data folder, so that a
/// browser or a WebSocket client can reach it. Dispose and create again over the same folder to simulate a restart.
/// </summary>
public sealed class KestrelHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>
    /// Starts the host; <paramref name="logs"/>, when given, receives every entry from Information up (otherwise only
    /// warnings are logged); <paramref name="services"/> changes the host's services last (a fake at a boundary).
    /// </summary>
    public KestrelHost(
        string dataDirectory, IDictionary<string, string?>? settings = null, TimeProvider? time = null, ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:DataDirectory"] = dataDirectory,
        };
        _time = time;
        _logs = logs;
        _services = services;

        // A host disposed just before on the same folder may still be closing its files (WebApplicationFactory
        // returns first); the data folder's lock admits one host at a time.
        Reliability.StoreSnapshot.WaitUntilClosed(dataDirectory);
        TrainedModels.Ensure();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client over the network (not the in-memory test server).</summary>
    public HttpClient CreateNetworkClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(_logs is null ? LogLevel.Warning : LogLevel.Information);
            if (_logs is not null)
            {
                logging.AddProvider(_logs);
            }
        });
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
