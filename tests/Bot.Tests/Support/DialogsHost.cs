using Bot.Host.Storage;
using Bot.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Bot.Host.Web.SignedLinks;

namespace Bot.Tests.Support;

/// <summary>
/// The real conversation layer (real LiteDB file in a temp folder, or PostgreSQL with Storage:Provider, fake clock) without the web host.
/// Dispose and create again over the same folder to simulate a restart.
/// </summary>
public sealed class DialogsHost : IDisposable
{
    private readonly ServiceProvider _services;

    public DialogsHost(
        string dataDirectory,
        FakeTimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        DataDirectory = dataDirectory;
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddBotDialogs(configuration);
        services.AddStorage(configuration);
        services.AddSignedLinks();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // As the real host does at start (its hosted warm-up); trained once per test process.
        Get<Bot.Dialogs.Understanding.MessageUnderstander>().WarmUp();
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
