using Bot.Dialogs.Storage;
using Bot.Dialogs.Coordinator;
using Bot.Dialogs.Enrollment;
using Bot.Host.Storage.LiteDb;

namespace Bot.Host.Cli;

/// <summary>
/// <c>admin</c>: people management for the operator, on the data folder, without the web server (stop the server
/// first: the database file has one writer).
/// <list type="bullet">
/// <item><c>admin koordinator "Nama" [--jabatan "Jabatan"]</c>: creates a coordinator and prints a one-time sign-in
/// code (24 hours) to type as "masuk KODE" in any channel; the admin code in the log stops working.</item>
/// <item><c>admin kode-masuk "Nama"</c>: a new sign-in code for a coordinator or fokal (a lost or new device).</item>
/// <item><c>admin daftar</c>: everyone with a role.</item>
/// <item><c>admin wilayah "OPD" "Kabupaten/Kota"</c>: an OPD's region (<see cref="AdminRegion"/>).</item>
/// </list>
/// English spellings work too: <c>coordinator</c>, <c>sign-in-code</c>, <c>list</c>, <c>region</c>, <c>--title</c>.
/// </summary>
internal static class AdminVerb
{
    private const string Usage =
        "Usage: admin koordinator \"<name>\" [--jabatan \"<job title>\"]   create a coordinator and print a sign-in code\n" +
        "       admin kode-masuk \"<name or id>\"                        a new sign-in code for a coordinator or fokal\n" +
        "       admin daftar                                           list everyone with a role\n" +
        "       admin wilayah \"<OPD>\" \"<Kabupaten/Kota>\"                 set an OPD's region (the exports' Kabupaten/Kota)";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    /// <summary>Runs with the given services (tests point them at a temporary folder).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            await error.WriteLineAsync(Usage.AsMemory(), cancellationToken);
            return 2;
        }

        var command = args[0].ToLowerInvariant();
        var (name, title, problem) = Arguments(args[1..]);
        if (problem is not null || (command is not ("daftar" or "list") && name.Length == 0))
        {
            await error.WriteLineAsync((problem ?? Usage).AsMemory(), cancellationToken);
            return 2;
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        PeopleAdministration admin;
        UnitOfWorkRunner units;
        try
        {
            admin = services.GetRequiredService<PeopleAdministration>();
            units = services.GetRequiredService<UnitOfWorkRunner>();
        }
        catch (DataFolderInUseException inUse)
        {
            // The folder has one writer (issue 14, finding 2): the running host keeps it.
            await error.WriteLineAsync(("admin: " + inUse.Message).AsMemory(), cancellationToken);
            return 3;
        }

        switch (command)
        {
            case "koordinator" or "coordinator":
                if (name.Length > JoinDialog.MaxName || (title?.Length ?? 0) > JoinDialog.MaxJobTitle || !name.Any(char.IsLetter))
                {
                    await error.WriteLineAsync($"The name must have letters and at most {JoinDialog.MaxName} characters; the job title at most {JoinDialog.MaxJobTitle}.".AsMemory(), cancellationToken);
                    return 2;
                }

                var (person, code) = await units.RunAsync(() => admin.CreateCoordinator(name, title), cancellationToken);
                await output.WriteLineAsync($"Coordinator created: {admin.Describe(person)} [{person.Id}]".AsMemory(), cancellationToken);
                await output.WriteLineAsync($"Sign-in code (single use, 24 hours): {code}".AsMemory(), cancellationToken);
                await output.WriteLineAsync($"In the chat (web, WhatsApp or Teams) they type: masuk {code}".AsMemory(), cancellationToken);
                return 0;
            case "kode-masuk" or "sign-in-code":
                var issued = await units.RunAsync(() => admin.IssueSignInCode(name), cancellationToken);
                if (issued.Person is null)
                {
                    await error.WriteLineAsync((issued.Candidates.Count == 0
                        ? $"Nobody with a role is called \"{name}\". See: admin daftar"
                        : "Several people match; use more of the name or the id:\n" + string.Join("\n", issued.Candidates.Select(c => $"  {admin.Describe(c)} [{c.Id}]"))).AsMemory(), cancellationToken);
                    return 3;
                }

                await output.WriteLineAsync($"Sign-in code for {admin.Describe(issued.Person)} (single use, 24 hours): {issued.Code}".AsMemory(), cancellationToken);
                await output.WriteLineAsync($"In the chat they type: masuk {issued.Code}".AsMemory(), cancellationToken);
                return 0;
            case "wilayah" or "region":
                return await AdminRegion.RunAsync(args[1..], output, error, services.GetRequiredService<OrganisationRegions>(), cancellationToken);
            case "daftar" or "list":
                foreach (var person1 in admin.ListWithRole().OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync($"{admin.Describe(person1)} [{person1.Id}], {person1.Accounts.Count} account(s)".AsMemory(), cancellationToken);
                }

                return 0;
            default:
                await error.WriteLineAsync(Usage.AsMemory(), cancellationToken);
                return 2;
        }
    }

    /// <summary>The name (the words that are not options) and the job title (--jabatan / --title).</summary>
    private static (string Name, string? Title, string? Problem) Arguments(string[] args)
    {
        var words = new List<string>();
        string? title = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--jabatan" or "--title")
            {
                if (i + 1 >= args.Length)
                {
                    return (string.Empty, null, $"{args[i]} needs a value.");
                }

                title = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return (string.Empty, null, $"Unknown option '{args[i]}'.\n{Usage}");
            }
            else
            {
                words.Add(args[i]);
            }
        }

        return (string.Join(' ', words).Trim(), title, null);
    }
}
