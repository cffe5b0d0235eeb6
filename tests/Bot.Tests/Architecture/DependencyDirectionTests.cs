using System.Reflection;

namespace Bot.Tests.Architecture;

/// <summary>Dependencies point one way: Host → Dialogs → Knowledge (DESIGN.md, STYLE.md 3.2).</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Dialogs = typeof(Bot.Dialogs.DialogsServiceCollectionExtensions).Assembly;
    private static readonly Assembly Knowledge = typeof(Bot.Knowledge.KnowledgeAssembly).Assembly;

    [Fact]
    public void DialogsReferencesNeitherAspNetCoreNorQuartzNorTheHost()
    {
        var names = Dialogs.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Quartz", StringComparison.Ordinal));
        Assert.DoesNotContain("Bot.Host", names);
    }

    [Fact]
    public void OnlyTheHostReferencesOpenTelemetry()
    {
        // Dialogs writes its spans and metrics with System.Diagnostics; the host decides who listens.
        Assert.DoesNotContain(Dialogs.GetReferencedAssemblies(), a => a.Name!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(Knowledge.GetReferencedAssemblies(), a => a.Name!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.Contains(typeof(Bot.Host.Cli.CommandLine).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public void KnowledgeReferencesNoOtherProjectOfOurs()
    {
        var names = Knowledge.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("Bot.", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Quartz", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheHostReferencesAspNetCore()
    {
        var host = typeof(Bot.Host.Cli.CommandLine).Assembly;
        Assert.Contains(host.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
