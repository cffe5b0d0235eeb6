using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Collects evidence files over as many messages as the user needs, until "selesai" (or "lewati"). Each file is
/// read through the channel's <see cref="IAttachmentSource"/>, limited to 10 MB, typed by its content, stored
/// by SHA-256, and acknowledged once stored. Begun with the files a report already has (a returned report), it
/// lists them and keeps them: a file leaves only when the user says "hapus N". Ends with the list of
/// <see cref="EvidenceFile"/>s. Messages that are neither files nor commands never end it: after a few it says
/// what it waits for and what else the user can do.
/// </summary>
internal sealed partial class EvidencePrompt(IEnumerable<IAttachmentSource> sources, IEvidenceStore store) : Dialog(DialogId)
{
    public const string DialogId = "progress.evidence";
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 10;

    private static readonly HashSet<string> DoneWords = new(StringComparer.OrdinalIgnoreCase) { "selesai", "sudah", "cukup", "lewati", "skip", "done", "finish", "tidak ada" };

    private readonly IReadOnlyList<IAttachmentSource> _sources = sources.ToList();

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var collected = new Collected { Files = [.. options as IEnumerable<EvidenceFile> ?? []] };
        dc.ActiveFrame!.Write("files", collected);
        dc.ActiveFrame!.State["misses"] = 0;
        Ask(dc.Turn, collected);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        var collected = frame.Read<Collected>("files") ?? new Collected();
        var attachments = dc.Turn.Activity.Attachments?.Where(a => a.ContentUrl is not null).ToList() ?? [];
        if (attachments.Count == 0)
        {
            if (DoneWords.Contains(dc.Turn.Text))
            {
                return await dc.EndAsync(collected.Files, cancellationToken);
            }

            if (RemovePattern().Match(dc.Turn.Text) is { Success: true } remove)
            {
                Remove(dc, frame, collected, int.Parse(remove.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
                return DialogTurnResult.Waiting;
            }

            var misses = frame.State["misses"]!.GetValue<int>() + 1;
            frame.State["misses"] = misses;
            if (misses >= Engine.Prompts.Prompt<bool>.MaxAttempts)
            {
                frame.State["misses"] = 0;
                dc.Turn.SendText(dc.Turn.F(ProgressTexts.EvidencePaused, collected.Files.Count), [dc.Turn.T(ProgressTexts.Done), dc.Turn.T(Engine.Prompts.PromptTexts.LaterButton), dc.Turn.T(Engine.Prompts.PromptTexts.CancelButton)]);
                return DialogTurnResult.Waiting;
            }

            Ask(dc.Turn, ProgressTexts.EvidenceExpected);
            return DialogTurnResult.Waiting;
        }

        var lines = new List<string>();
        foreach (var attachment in attachments)
        {
            lines.Add(collected.Files.Count >= MaxFiles
                ? dc.Turn.F(ProgressTexts.EvidenceLimit, MaxFiles)
                : await AcceptAsync(dc.Turn, attachment, collected, cancellationToken));
        }

        frame.Write("files", collected);
        frame.State["misses"] = 0;
        dc.Turn.SendText(string.Join("\n", lines.Distinct()) + "\n\n" + dc.Turn.T(ProgressTexts.EvidenceMore), [dc.Turn.T(ProgressTexts.Done)]);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        Ask(dc.Turn, dc.ActiveFrame!.Read<Collected>("files") ?? new Collected());
        return Task.CompletedTask;
    }

    /// <summary>"hapus 2": the only way a file leaves a report.</summary>
    private static void Remove(DialogContext dc, Storage.DialogFrame frame, Collected collected, int number)
    {
        var turn = dc.Turn;
        if (number < 1 || number > collected.Files.Count)
        {
            turn.SendText(turn.F(ProgressTexts.EvidenceNoSuch, number, List(collected)), [turn.T(ProgressTexts.Done)]);
            return;
        }

        var removed = collected.Files[number - 1];
        collected.Files.RemoveAt(number - 1);
        frame.Write("files", collected);
        turn.SendText(turn.F(ProgressTexts.EvidenceRemoved, removed.FileName) + "\n\n" + (collected.Files.Count > 0 ? turn.F(ProgressTexts.EvidenceKept, List(collected)) : turn.T(ProgressTexts.AskEvidence)), [turn.T(ProgressTexts.Done)]);
    }

    private static string List(Collected collected) =>
        string.Join("\n", collected.Files.Select((f, i) => $"{i + 1}. {f.FileName} ({Size(f.Size)})"));

    private static void Ask(TurnContext turn, Collected collected)
    {
        if (collected.Files.Count == 0)
        {
            Ask(turn, ProgressTexts.AskEvidence);
            return;
        }

        turn.Send(new Activity
        {
            Type = ActivityTypes.Message,
            Text = turn.F(ProgressTexts.EvidenceKept, List(collected)),
            TextFormat = "markdown",
            InputHint = "expectingInput",
            SuggestedActions = TurnContext.ToSuggestions([turn.T(ProgressTexts.Done)]),
        });
    }

    public override string? Help(DialogContext dc) => dc?.Turn.T(ProgressTexts.AskEvidence);

    private async Task<string> AcceptAsync(TurnContext turn, Attachment attachment, Collected collected, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(attachment.Name) ? "file" : attachment.Name.Length > 60 ? attachment.Name[..60] : attachment.Name;
        var source = _sources.FirstOrDefault(s => s.CanOpen(turn.Activity, attachment));
        if (source is null)
        {
            return turn.F(ProgressTexts.EvidenceUnreadable, name);
        }

        AttachmentContent content;
        try
        {
            content = await source.OpenAsync(turn.Activity, attachment, MaxBytes, cancellationToken);
        }
        catch (AttachmentTooLargeException)
        {
            return turn.F(ProgressTexts.EvidenceTooLarge, name);
        }
        catch (Exception ex) when (ex is InvalidDataException or HttpRequestException or IOException)
        {
            return turn.F(ProgressTexts.EvidenceUnreadable, name);
        }

        var type = EvidenceTypes.Detect(content.Bytes);
        if (type is null)
        {
            return turn.F(ProgressTexts.EvidenceWrongType, name);
        }

        var (file, duplicate) = store.Store(content.FileName, type, content.Bytes);
        if (collected.Files.FirstOrDefault(f => f.Sha256 == file.Sha256) is { } attached)
        {
            return string.Equals(attached.FileName, name, StringComparison.Ordinal)
                ? turn.F(ProgressTexts.EvidenceAlreadyAttached, name)
                : turn.F(ProgressTexts.EvidenceSameAsAttached, name, attached.FileName);
        }

        collected.Files.Add(file);
        return duplicate
            ? turn.F(ProgressTexts.EvidenceDuplicate, name)
            : turn.F(ProgressTexts.EvidenceReceived, file.FileName, Size(file.Size));
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KB";

    private static void Ask(TurnContext turn, LocalizedText text) =>
        turn.Send(new Activity
        {
            Type = ActivityTypes.Message,
            Text = turn.T(text),
            TextFormat = "markdown",
            InputHint = "expectingInput",
            SuggestedActions = TurnContext.ToSuggestions([turn.T(ProgressTexts.Done)]),
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:hapus|buang|lepas|remove|delete)\s+(?:bukti\s+|file\s+|no\.?\s*|nomor\s+)?(?<n>\d{1,2})\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RemovePattern();

    internal sealed class Collected
    {
        public List<EvidenceFile> Files { get; set; } = [];
    }
}
