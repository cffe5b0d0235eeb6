using Bot.Host.Storage.LiteDb;
using Bot.Dialogs;
using Bot.Knowledge;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bot.Host.Web.SignedLinks;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The real knowledge services (pack, Lucene index in a temp folder) and, on request, the conversation
/// layer on top. Settings override configuration keys (e.g. <c>Knowledge:Llm:Endpoint</c>); <c>configure</c> registers
/// services before the knowledge services (a stand-in credential for the cloud boundary).
/// </summary>
public sealed class KnowledgeHost : IDisposable
{
    private readonly TempDirectory? _owned;
    private readonly ServiceProvider _services;

    public KnowledgeHost(IDictionary<string, string?>? settings = null, bool withDialogs = false, string? dataDirectory = null, Action<IServiceCollection>? configure = null)
    {
        if (dataDirectory is null)
        {
            _owned = new TempDirectory();
            dataDirectory = _owned.Path;
        }

        DataDirectory = dataDirectory;
        var values = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (withDialogs)
        {
            services.AddBotDialogs(configuration);
            services.AddLiteDbStorage(configuration);
            services.AddSignedLinks();
        }

        configure?.Invoke(services);
        services.AddBotKnowledge(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string DataDirectory { get; }

    public ServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose()
    {
        _services.Dispose();
        _owned?.Dispose();
    }
}

/// <summary>Finds the shared statute corpus (../shared/corpus next to the repository).</summary>
public static class Corpus
{
    public static string Folder { get; } = Find();

    public static string File(string name) => Path.Combine(Folder, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.md").Any())
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The shared statute corpus (shared/corpus) was not found above the test folder.");
    }
}
