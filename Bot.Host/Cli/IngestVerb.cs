using Bot.Host.Storage.LiteDb;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Ingestion;

namespace Bot.Host.Cli;

/// <summary>
/// <c>ingest &lt;file|folder&gt; [--draft-questions]</c>: official texts (Markdown, TXT, PDF) into the knowledge index,
/// one line of progress per file. With <c>--draft-questions</c> and an LLM configured, the model drafts bank
/// questions for the articles the question bank has none for, into <c>&lt;knowledge&gt;/bank-drafts/</c> for review.
/// A rejected file is reported and skipped; the exit code is 1 when any was rejected.
/// </summary>
internal static class IngestVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    /// <summary>Runs with the given services (tests point them at a temporary folder).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        var draft = args.Contains("--draft-questions");
        var paths = args.Where(a => a != "--draft-questions").ToArray();
        if (paths.Length != 1 || paths[0].StartsWith('-'))
        {
            await error.WriteLineAsync("Usage: ingest <file|folder> [--draft-questions]   (Markdown, TXT or PDF statutes)");
            return 2;
        }

        args = paths;
        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        try
        {
            // Ingestion writes the search index in the data folder: not beside a running host (issue 14, finding 2).
            _ = services.GetRequiredService<DataFolderLock>();
        }
        catch (DataFolderInUseException ex)
        {
            await error.WriteLineAsync("ingest: " + ex.Message);
            return 3;
        }

        var ingestor = services.GetRequiredService<DocumentIngestor>();
        var drafter = draft ? services.GetService<BankDrafter>() : null;
        if (draft && drafter is null)
        {
            await error.WriteLineAsync("--draft-questions needs an LLM (Knowledge:Llm); ingesting without drafts.");
        }

        IReadOnlyList<string> files;
        try
        {
            files = ingestor.ExpandPath(args[0]);
        }
        catch (DocumentRejectedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        if (files.Count == 0)
        {
            await error.WriteLineAsync($"{args[0]}: no file to ingest (supported: {string.Join(", ", ingestor.SupportedExtensions)}).");
            return 1;
        }

        var rejected = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileName(files[i]);
            await output.WriteAsync($"[{i + 1}/{files.Count}] {name} ... ");
            try
            {
                var result = await ingestor.IngestFileAsync(files[i], cancellationToken);
                var replaced = result.Replaced > 0 ? $", replaced {result.Replaced} earlier passages" : string.Empty;
                await output.WriteLineAsync($"{result.DocumentKey}: {result.Articles} articles ({result.WithExplanation} with Penjelasan){replaced}");
                if (drafter is not null && await drafter.DraftAsync(result.DocumentKey, result.Passages, cancellationToken) is { } drafts)
                {
                    await output.WriteLineAsync($"      draft bank questions for review: {drafts}");
                }
            }
            catch (DocumentRejectedException ex)
            {
                rejected++;
                await output.WriteLineAsync("rejected");
                await error.WriteLineAsync(ex.Message);
            }
        }

        await output.WriteLineAsync($"Done: {files.Count - rejected} ingested, {rejected} rejected.");
        return rejected == 0 ? 0 : 1;
    }
}
