namespace Bot.Host.Cli;

/// <summary>
/// Dispatches the verbs after <c>--</c>: <c>serve</c> (the default), <c>chat</c>, <c>ingest</c>, <c>eval</c>,
/// <c>eval-nlu</c>, <c>admin</c>, <c>repair</c>, <c>backup</c>, <c>export-articles</c>.
/// </summary>
internal static class CommandLine
{
    /// <summary>Runs a verb and returns its exit code, or null when the web server should start.</summary>
    public static async Task<int?> TryRunVerbAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve")
        {
            return null;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "chat":
                return await ChatVerb.RunAsync(rest, cancellationToken);
            case "ingest":
                return await IngestVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            case "eval":
                return await EvalVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            case "eval-nlu":
                return await EvalNluVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            case "admin":
                return await AdminVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            case "repair":
                return await RepairVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            case "backup":
                return await BackupVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            case "export-articles":
                return await ExportArticlesVerb.RunAsync(rest, Console.Out, Console.Error, cancellationToken);
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{args[0]}'. Verbs: serve (default), chat, ingest <file|folder>, eval <questions.jsonl>, eval-nlu <file|folder|training>, admin, repair, backup [folder], export-articles <folder>.");
                await Task.CompletedTask.WaitAsync(cancellationToken);
                _ = rest;
                return 2;
        }
    }
}
