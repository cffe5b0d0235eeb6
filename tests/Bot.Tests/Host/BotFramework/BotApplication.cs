using Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// The real web host over a fresh temp data folder, with settings on top of the defaults and a scripted clock.
/// One per test; dispose it before the folder.
/// </summary>
internal sealed class BotApplication(IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    public ScriptedTimeProvider Time { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
