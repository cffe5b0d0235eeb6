using System.Globalization;
using System.Text.Json;
using Bot.Dialogs.Understanding;
using Bot.Dialogs.Understanding.Entities;
using Bot.Dialogs.Understanding.Evaluation;
using Bot.Knowledge.Language;

namespace Bot.Host.Cli;

/// <summary>
/// <c>eval-nlu &lt;file|folder|training&gt;… [--opds file] [--cross-validate K] [--verbose] [--json file]
/// [--min-accuracy X] [--sweep]</c>: scores the understanding step on labelled utterances (the *.nlu.md format). "training"
/// means the embedded training files, scored by the model trained on them; <c>--cross-validate K</c> scores them
/// by K models each trained without the fold it judges. Exit code 3 when <c>--min-accuracy</c> is missed, 2 for
/// bad arguments or unreadable files.
/// </summary>
internal static class EvalNluVerb
{
    private const string TrainingSet = "training";
    private const string DefaultOrganisations = "eval/nlu-opds.tsv";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        if (EvalNluArguments.Parse(args) is not { } options)
        {
            await error.WriteLineAsync("Usage: eval-nlu <file|folder|training>... [--opds <file>] [--cross-validate K] [--verbose] [--json <file>] [--min-accuracy X] [--sweep]");
            return 2;
        }

        List<LabelledExample> examples;
        OrganisationAliases organisations;
        try
        {
            var paths = options.Paths.Select(p => p == TrainingSet ? p : Locate(p)).ToList();
            examples = await ReadAsync(paths, cancellationToken);
            var opds = options.OrganisationsPath is { } given ? Locate(given) : FindOrganisations(paths);
            organisations = OrganisationAliases.Parse(opds is null ? string.Empty : await File.ReadAllTextAsync(opds, cancellationToken));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read the examples: {ex.Message}");
            return 2;
        }

        var unknown = examples.Select(e => e.Label).Where(l => !IntentCatalog.Contains(l)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"Unknown intents (not in IntentCatalog): {string.Join(", ", unknown)}");
            return 2;
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        var safety = services.GetService<ISafetyScreen>();
        var known = new FixedOrganisations(organisations.Organisations);
        var report = options.Folds is { } folds
            ? NluEvaluator.Run(CrossValidation.Folds(examples, folds, known, safety, null), organisations)
            : NluEvaluator.Run(examples, new MessageUnderstander(known, safety), organisations);
        await NluReportPrinter.PrintAsync(report, options, output);
        if (options.JsonPath is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, Json), cancellationToken);
        }

        if (options.MinAccuracy is { } minimum && report.Accuracy < minimum)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Intent accuracy {report.Accuracy:0.000} is below --min-accuracy {minimum}."));
            return 3;
        }

        return 0;
    }

    private static async Task<List<LabelledExample>> ReadAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var examples = new List<LabelledExample>();
        foreach (var path in paths)
        {
            if (path == TrainingSet)
            {
                examples.AddRange(TrainingExamples.All);
                continue;
            }

            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.nlu.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [path];
            foreach (var file in files)
            {
                try
                {
                    examples.AddRange(ExampleFile.Parse(await File.ReadAllTextAsync(file, cancellationToken)).Where(e => e.Kind == "intent"));
                }
                catch (FormatException ex)
                {
                    throw new FormatException($"{file}: {ex.Message}", ex);
                }
            }
        }

        return examples;
    }

    /// <summary>The OPD table next to the first file given, else eval/nlu-opds.tsv of the repository.</summary>
    private static string? FindOrganisations(IReadOnlyList<string> paths)
    {
        var beside = paths.Where(File.Exists).Select(p => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(p))!, Path.GetFileName(DefaultOrganisations))).FirstOrDefault(File.Exists);
        var repository = Locate(DefaultOrganisations);
        return beside ?? (File.Exists(repository) ? repository : null);
    }

    /// <summary>
    /// A relative path as given when it exists, else under the nearest parent folder where it does: "dotnet run
    /// --project Bot.Host" runs in the project's folder, while people type paths from the repository root.
    /// </summary>
    private static string Locate(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        for (var folder = Directory.GetParent(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, path);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return path;
    }
}

/// <summary>The eval-nlu verb's arguments.</summary>
internal sealed record EvalNluArguments(IReadOnlyList<string> Paths, string? OrganisationsPath, int? Folds, bool Verbose, string? JsonPath, double? MinAccuracy, bool Sweep = false)
{
    public static EvalNluArguments? Parse(string[] args)
    {
        var paths = new List<string>();
        string? opds = null, json = null;
        int? folds = null;
        double? minimum = null;
        var verbose = false;
        var sweep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--opds" when i + 1 < args.Length:
                    opds = args[++i];
                    break;
                case "--json" when i + 1 < args.Length:
                    json = args[++i];
                    break;
                case "--cross-validate" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var k) && k is >= 2 and <= 20:
                    folds = k;
                    i++;
                    break;
                case "--min-accuracy" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is >= 0 and <= 1:
                    minimum = m;
                    i++;
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--sweep":
                    sweep = true;
                    break;
                case var a when !a.StartsWith('-'):
                    paths.Add(a);
                    break;
                default:
                    return null;
            }
        }

        return paths.Count == 0 ? null : new EvalNluArguments(paths, opds, folds, verbose, json, minimum, sweep);
    }
}
