using Bot.Host.Storage;
using Bot.Dialogs;
using Bot.Knowledge;
using Bot.Host.Web.SignedLinks;

namespace Bot.Host.Cli;

/// <summary>
/// The services of the web host without the web server, for command-line verbs: the same configuration sources
/// (appsettings.json in the content root, environment variables) and the same registrations.
/// </summary>
internal static class VerbHost
{
    /// <summary>
    /// Builds (does not start) a host. <paramref name="overrides"/> win over every other source (tests point the
    /// data folder elsewhere); <paramref name="configure"/> lets a verb add its own services.
    /// </summary>
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null, Action<HostApplicationBuilder>? configure = null)
    {
        // No command-line arguments: after the verb they belong to the verb, not to configuration.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Diagnostics go to stderr so they never mix with a verb's output on stdout.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddBotDialogs(builder.Configuration);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddSignedLinks();
        builder.Services.AddBotKnowledge(builder.Configuration);
        configure?.Invoke(builder);
        return builder.Build();
    }
}
