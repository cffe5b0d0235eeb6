using System.Net;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dashboard;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port (a browser cannot reach the in-memory test server), over
/// a temp LiteDB folder and a fake clock. One per test; given a folder (which it then leaves in place), a second one
/// over it is the same installation after a restart.
/// </summary>
internal sealed class DashboardApplication : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _folder;
    private readonly IDictionary<string, string?> _settings;

    public DashboardApplication(DateTimeOffset? now = null, string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _folder = dataDirectory is null ? new TempDirectory() : null;
        DataDirectory = dataDirectory ?? _folder!.Path;
        Time = new FakeTimeProvider(now ?? DashboardSeed.Now);

        // A host disposed just before on the same folder may still be closing its files (as in KestrelHost).
        Reliability.StoreSnapshot.WaitUntilClosed(DataDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A sign-in link for the user, as the chat would send it, pointing at this host.</summary>
    public Uri LinkFor(BotUser user) => new(BaseAddress, Get<DashboardLinkIssuer>().Issue(user).Url.PathAndQuery);

    /// <summary>A client that does not follow redirects and keeps no cookies unless told to.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder?.Dispose();
        }
    }

    internal string DataDirectory { get; }
}
