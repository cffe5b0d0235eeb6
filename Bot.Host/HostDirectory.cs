namespace Bot.Host;

/// <summary>
/// Where the host runs from. <c>dotnet run --project Bot.Host</c> starts the program in <c>Bot.Host/</c> (the SDK
/// runs a project in its own folder), yet the one configuration file is the repository root's appsettings.json and
/// <c>./data</c> is meant there (README, issue 14 finding 1: the host listened on :5000 with no rate limit). When the
/// working directory has no appsettings.json and no content root was given, the host moves to the nearest folder
/// above it holding both appsettings.json and Bot.sln (a source checkout), else to the program's own folder when
/// appsettings.json was deployed next to it (an installed copy started from elsewhere). The content root and every
/// relative path (Storage:DataDirectory, the verbs' file arguments) then resolve there.
/// </summary>
internal static class HostDirectory
{
    public const string SettingsFile = "appsettings.json";
    private const string SolutionFile = "Bot.sln";

    /// <summary>Moves the process to the folder <see cref="Choose"/> picks, if any; returns the working directory.</summary>
    public static string Settle(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!ContentRootGiven(args) && Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory) is { } folder)
        {
            Directory.SetCurrentDirectory(folder);
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>The folder to run in, or null to stay in <paramref name="current"/>.</summary>
    internal static string? Choose(string current, string programFolder)
    {
        if (File.Exists(Path.Combine(current, SettingsFile)))
        {
            return null;
        }

        for (var folder = Directory.GetParent(current); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SettingsFile)) && File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return File.Exists(Path.Combine(programFolder, SettingsFile)) ? Path.GetFullPath(programFolder) : null;
    }

    private static bool ContentRootGiven(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
