using Bot.Host;
using Bot.Tests.Support;

namespace Bot.Tests.Host.Startup;

/// <summary>Which folder the host settles in before it reads its configuration (<see cref="HostDirectory"/>).</summary>
public sealed class HostDirectoryTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public void AProjectFolderInsideACheckoutMovesToTheRepositoryRoot()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(_root.Path, "Bot.sln"), string.Empty);
        var project = Directory.CreateDirectory(Path.Combine(_root.Path, "Bot.Host")).FullName;

        Assert.Equal(Path.GetFullPath(_root.Path), HostDirectory.Choose(project, Path.Combine(project, "bin")));
    }

    [Fact]
    public void AFolderWithItsOwnSettingsStays()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), "{}");

        Assert.Null(HostDirectory.Choose(_root.Path, "/nowhere"));
    }

    [Fact]
    public void AnInstalledCopyStartedElsewhereUsesTheSettingsNextToTheProgram()
    {
        var installed = Directory.CreateDirectory(Path.Combine(_root.Path, "opt", "sinergi")).FullName;
        File.WriteAllText(Path.Combine(installed, "appsettings.json"), "{}");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root.Path, "home", "operator")).FullName;

        Assert.Equal(installed, HostDirectory.Choose(elsewhere, installed));
    }

    [Fact]
    public void WithNoSettingsAnywhereTheFolderStays() =>
        Assert.Null(HostDirectory.Choose(Directory.CreateDirectory(Path.Combine(_root.Path, "empty")).FullName, _root.Path));

    public void Dispose() => _root.Dispose();
}
