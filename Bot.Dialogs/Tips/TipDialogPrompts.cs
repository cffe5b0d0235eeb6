using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Tips;

/// <summary>The prompts the tip dialogs share, and the answers to a submission that was not saved.</summary>
internal sealed class TipDialogPrompts(IOptions<TipOptions> options)
{
    public const int MinDescriptionLetters = 5;

    public ChoicePrompt Category { get; } = new("tips.category");
    public TextPrompt Description { get; } = new("tips.description", c =>
        c.Value.Count(char.IsLetterOrDigit) < MinDescriptionLetters ? c.Turn.F(TipDialogTexts.DescriptionTooShort, MinDescriptionLetters) : null);
    public TextPrompt Text { get; } = new("tips.text");
    public ConfirmPrompt Confirm { get; } = new("tips.confirm");

    /// <summary>Registered wrapped: a turn answering any of them is confidential (<see cref="ConfidentialDialog"/>).</summary>
    public IEnumerable<Dialog> All => _wrapped ??= [new ConfidentialDialog(Category), new ConfidentialDialog(Description), new ConfidentialDialog(Text), new ConfidentialDialog(Confirm)];

    private Dialog[]? _wrapped;

    /// <summary>The sender as the rate limiter knows it (it keeps only a keyed hash of this, in memory).</summary>
    public static string SenderKey(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!);
    }

    public static PromptOptions CategoryOptions(TurnContext turn) => new()
    {
        Text = turn.T(TipDialogTexts.AskCategory),
        Choices =
        [
            PromptChoice.Of(nameof(TipCategory.Peredaran), turn.T(TipDialogTexts.Peredaran), "peredaran", "transaksi", "jual beli", "jualan", "bandar", "pengedar", "dealing", "selling"),
            PromptChoice.Of(nameof(TipCategory.Pemakaian), turn.T(TipDialogTexts.Pemakaian), "pemakaian", "pakai", "pemakai", "konsumsi", "use", "using"),
            PromptChoice.Of(nameof(TipCategory.Produksi), turn.T(TipDialogTexts.Produksi), "produksi", "gudang", "pabrik", "ladang", "production", "storage", "lab"),
            PromptChoice.Of(nameof(TipCategory.Lainnya), turn.T(TipDialogTexts.Lainnya), "lainnya", "lain", "other"),
        ],
    };

    /// <summary>What the reporter is told when a tip or added information was not saved.</summary>
    public string Failure(TurnContext turn, TipSubmission result)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            TipOutcome.RateLimited => turn.T(TipTexts.TooMany),
            TipOutcome.NotFound => turn.T(TipTexts.NotFound),
            TipOutcome.PhotoRefused => turn.F(TipTexts.PhotoRefused, MaxMegabytes()),
            _ => turn.F(TipDialogTexts.Invalid, result.Problem ?? "?"),
        };
    }

    public string MaxMegabytes() => (options.Value.MaxPhotoBytes / 1_000_000d).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
