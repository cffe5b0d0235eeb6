using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Asks for one optional photo. The file is read through the channel's <see cref="IAttachmentSource"/> within the
/// tip size limit, cleaned by <see cref="ImageMetadataStripper"/> at once (any photo Skia decodes completely passes) and kept, cleaned,
/// in the in-memory draft: the frame holds only the draft's handle. Ends with true (photo kept) or false (skipped).
/// </summary>
internal sealed class TipPhotoPrompt(IEnumerable<IAttachmentSource> sources, PendingTips pending, TipDialogPrompts prompts, IOptions<TipOptions> options) : Dialog(DialogId)
{
    public const string DialogId = "tips.photo";
    private const string HandleKey = "h";
    private const string MissesKey = "m";

    private readonly IReadOnlyList<IAttachmentSource> _sources = sources.ToList();

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        ArgumentNullException.ThrowIfNull(dc);
        dc.ActiveFrame!.State[HandleKey] = options as string ?? throw new ArgumentException("The photo prompt needs the draft's handle.", nameof(options));
        dc.ActiveFrame!.State[MissesKey] = 0;
        Ask(dc.Turn, Question(dc.Turn));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        var draft = pending.Find(frame.State[HandleKey]!.GetValue<string>());
        if (draft is null)
        {
            dc.Turn.SendText(TipDialogTexts.DraftLost);
            return dc.CancelAll();
        }

        var attachments = dc.Turn.Activity.Attachments?.Where(a => a.ContentUrl is not null).ToList() ?? [];
        if (attachments.Count == 0 && SkippedAnswer.IsSkip(dc.Turn.Text))
        {
            return await dc.EndAsync(false, cancellationToken);
        }

        var problem = attachments.Count == 0
            ? dc.Turn.T(TipDialogTexts.PhotoExpected)
            : await TryKeepAsync(dc.Turn, attachments[0], draft, cancellationToken);
        if (problem is null)
        {
            var note = attachments.Count > 1 ? " " + dc.Turn.T(TipDialogTexts.OnlyFirstPhoto) : string.Empty;
            dc.Turn.SendText(dc.Turn.T(TipDialogTexts.PhotoReceived) + note);
            return await dc.EndAsync(true, cancellationToken);
        }

        var misses = frame.State[MissesKey]!.GetValue<int>() + 1;
        frame.State[MissesKey] = misses;
        if (misses >= Prompt<bool>.MaxAttempts)
        {
            pending.Remove(frame.State[HandleKey]!.GetValue<string>());
            dc.Turn.SendText(problem + "\n\n" + dc.Turn.T(PromptTexts.GaveUp));
            return dc.CancelAll();
        }

        Ask(dc.Turn, problem);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        ArgumentNullException.ThrowIfNull(dc);
        Ask(dc.Turn, Question(dc.Turn));
        return Task.CompletedTask;
    }

    public override string? Help(DialogContext dc) => dc is null ? null : Question(dc.Turn);

    /// <summary>Reads, checks and cleans the photo into the draft; returns why it was refused, or null.</summary>
    private async Task<string?> TryKeepAsync(TurnContext turn, Attachment attachment, PendingTip draft, CancellationToken cancellationToken)
    {
        var source = _sources.FirstOrDefault(s => s.CanOpen(turn.Activity, attachment));
        if (source is null)
        {
            return turn.T(TipDialogTexts.PhotoUnreadable);
        }

        try
        {
            var content = await source.OpenAsync(turn.Activity, attachment, options.Value.MaxPhotoBytes, cancellationToken);
            var cleaned = ImageMetadataStripper.Strip(content.Bytes);
            Array.Clear(content.Bytes);
            draft.Photo = cleaned.Bytes;
            return null;
        }
        catch (Exception ex) when (ex is AttachmentTooLargeException or UnsupportedImageException)
        {
            return turn.F(TipTexts.PhotoRefused, prompts.MaxMegabytes());
        }
        catch (Exception ex) when (ex is InvalidDataException or HttpRequestException or IOException)
        {
            return turn.T(TipDialogTexts.PhotoUnreadable);
        }
    }

    private string Question(TurnContext turn) => turn.F(TipDialogTexts.AskPhoto, prompts.MaxMegabytes());

    private static void Ask(TurnContext turn, string text) =>
        turn.Send(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = "markdown",
            InputHint = "expectingInput",
            SuggestedActions = TurnContext.ToSuggestions([turn.T(PromptTexts.Skip)]),
        });
}
