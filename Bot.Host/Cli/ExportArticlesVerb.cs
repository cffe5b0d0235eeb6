using System.Text;
using Bot.Knowledge.Ingestion;

namespace Bot.Host.Cli;

/// <summary>
/// <c>export-articles &lt;folder&gt;</c>: writes every ingested document as stored (its passages as JSON, one file per
/// document, named after its citation key) into the folder, so tools outside the host can read the statutes
/// (<c>eval/draw.py</c> draws eval passages from them). Reads the documents only; exit code 2 on a usage error.
/// </summary>
internal static class ExportArticlesVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    /// <summary>Runs with the given services (tests point them at a temporary folder).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            await error.WriteLineAsync("Usage: export-articles <folder>   (writes each ingested document's passages as JSON)");
            return 2;
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        var store = services.GetRequiredService<IKnowledgeDocumentStore>();
        var documents = store.Load(store.List().Select(v => v.Key).ToList());
        var folder = Path.GetFullPath(args[0]);
        Directory.CreateDirectory(folder);
        foreach (var document in documents.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, FileName(document.Key));
            await File.WriteAllTextAsync(path, document.Passages, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            await output.WriteLineAsync($"{document.Key}: {path}");
        }

        await output.WriteLineAsync($"Done: {documents.Count} documents exported.");
        return 0;
    }

    /// <summary>"UU 35/2009" → "uu-35-2009.json".</summary>
    internal static string FileName(string key)
    {
        var slug = new StringBuilder();
        foreach (var c in key.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries)) + ".json";
    }
}
