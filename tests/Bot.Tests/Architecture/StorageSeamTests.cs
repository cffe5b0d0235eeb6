using System.Reflection;

namespace Bot.Tests.Architecture;

/// <summary>
/// The storage seam (issue 16): Bot.Dialogs and Bot.Knowledge declare ports and never see a database client; LiteDB
/// is written only in the adapter folder (Bot.Host/Storage/LiteDb) and in tests.
/// </summary>
public sealed class StorageSeamTests
{
    private static readonly string[] DatabaseClients = ["LiteDB", "Npgsql", "Dapper", "Microsoft.Data.Sqlite", "System.Data.SqlClient", "Microsoft.Data.SqlClient", "MongoDB.Driver"];

    private const string AdapterFolder = "Bot.Host/Storage/LiteDb/";

    public static TheoryData<string> CoreAssemblies => new() { "Bot.Dialogs", "Bot.Knowledge" };

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void TheCoreReferencesNoDatabaseClient(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => DatabaseClients.Any(client => name.StartsWith(client, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void TheCoreProjectsHaveNoDatabasePackage()
    {
        var root = RepositoryRoot();
        foreach (var project in new[] { "Bot.Dialogs/Bot.Dialogs.csproj", "Bot.Knowledge/Bot.Knowledge.csproj" })
        {
            var text = File.ReadAllText(Path.Combine(root, project));
            Assert.DoesNotContain(DatabaseClients, client => text.Contains("\"" + client + "\"", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void OnlyTheAdapterFolderAndTestsUseLiteDb()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !file.StartsWith(AdapterFolder, StringComparison.Ordinal) && !file.StartsWith("tests/", StringComparison.Ordinal))
            .Where(file => File.ReadLines(Path.Combine(root, file)).Any(line => line.TrimStart().StartsWith("using LiteDB", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")) && Directory.Exists(Path.Combine(folder.FullName, "Bot.Dialogs")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Bot.sln) is not above " + AppContext.BaseDirectory);
    }
}
