using System.Reflection;
using System.Runtime.CompilerServices;

namespace Bot.Tests.Architecture;

/// <summary>
/// No service locator (issue 16): a class in Bot.Dialogs or in the host's channels says what it needs in its
/// constructor instead of taking the container and fishing services out of it. Composition roots (the
/// <c>AddX</c> extension methods, static), the CLI verbs and Program.cs are outside this rule.
/// </summary>
public sealed class NoServiceLocatorTests
{
    [Fact]
    public void NoClassInTheDialogsOrTheChannelsTakesTheContainer()
    {
        var dialogs = typeof(Bot.Dialogs.DialogsServiceCollectionExtensions).Assembly.GetTypes();
        var channels = typeof(Bot.Host.Cli.CommandLine).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Bot.Host.Channels", StringComparison.Ordinal) == true);

        var offenders = dialogs.Concat(channels).Where(TakesTheContainer).Select(t => t.FullName).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheCheckSeesTheContainerInEveryDisguise()
    {
        Assert.True(TakesTheContainer(typeof(Locator)));
        Assert.True(TakesTheContainer(typeof(LazyLocator)));
        Assert.True(TakesTheContainer(typeof(FactoryLocator)));
        Assert.False(TakesTheContainer(typeof(Honest)));
    }

    private static bool TakesTheContainer(Type type) =>
        !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        && type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(c => c.GetParameters())
            .Any(p => IsContainer(p.ParameterType));

    private static bool IsContainer(Type type) =>
        type == typeof(IServiceProvider)
        || type == typeof(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory)
        || (type.IsGenericType && type.GetGenericArguments().Any(IsContainer));

    private sealed class Locator(IServiceProvider services)
    {
        public object? Get() => services.GetService(typeof(string));
    }

    private sealed class LazyLocator(Lazy<IServiceProvider> services)
    {
        public object? Get() => services.Value.GetService(typeof(string));
    }

    private sealed class FactoryLocator(Func<IServiceProvider> services)
    {
        public object? Get() => services().GetService(typeof(string));
    }

    private sealed class Honest(TimeProvider time)
    {
        public DateTimeOffset Now() => time.GetUtcNow();
    }
}
