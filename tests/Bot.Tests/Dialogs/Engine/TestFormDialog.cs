using System.Globalization;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Tests.Dialogs.Engine;

/// <summary>A small form over every prompt kind, used to test the engine apart from the features.</summary>
internal sealed class TestFormDialog : WaterfallDialog<TestFormDialog.FormState>
{
    public const string DialogId = "test.form";

    private readonly TextPrompt _name = new(DialogId + ".name");
    private readonly NumberPrompt _count;
    private readonly ChoicePrompt _colour = new(DialogId + ".colour");
    private readonly DatePrompt _due;
    private readonly ConfirmPrompt _confirm = new(DialogId + ".confirm");

    public TestFormDialog(TimeProvider time)
        : base(DialogId)
    {
        _count = new NumberPrompt(DialogId + ".count", c => c.Value >= 1 ? null : "Minimal 1.");
        _due = new DatePrompt(DialogId + ".due", time, c => c.Value >= c.Turn.Today(time) ? null : "Tanggal itu sudah lewat.");
    }

    public override IEnumerable<Dialog> Dependencies => [_name, _count, _colour, _due, _confirm];

    protected override IEnumerable<Func<WaterfallStep<FormState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
    [
        AskNameStepAsync, AskCountStepAsync, AskColourStepAsync, AskDueStepAsync, ConfirmStepAsync, FinishStepAsync,
    ];

    private Task<DialogTurnResult> AskNameStepAsync(WaterfallStep<FormState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(_name.Id, new PromptOptions { Text = "Siapa nama kegiatannya?", MaxLength = 30, HelpText = "Nama singkat, maksimal 30 huruf." }, cancellationToken);

    private Task<DialogTurnResult> AskCountStepAsync(WaterfallStep<FormState> step, CancellationToken cancellationToken)
    {
        step.State.Name = step.ResultAs<string>();
        return step.PromptAsync(_count.Id, new PromptOptions { Text = "Berapa pesertanya?" }, cancellationToken);
    }

    private Task<DialogTurnResult> AskColourStepAsync(WaterfallStep<FormState> step, CancellationToken cancellationToken)
    {
        step.State.Count = step.ResultAs<decimal>();
        return step.PromptAsync(_colour.Id, new PromptOptions
        {
            Text = "Warna apa?",
            Choices = [PromptChoice.Of("red", "Merah"), PromptChoice.Of("green", "Hijau"), PromptChoice.Of("blue", "Biru Langit")],
        }, cancellationToken);
    }

    private Task<DialogTurnResult> AskDueStepAsync(WaterfallStep<FormState> step, CancellationToken cancellationToken)
    {
        step.State.Colour = step.ResultAs<string>();
        return step.PromptAsync(_due.Id, new PromptOptions { Text = "Kapan tenggatnya?" }, cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<FormState> step, CancellationToken cancellationToken)
    {
        step.State.Due = step.ResultAs<DateOnly>();
        return step.PromptAsync(_confirm.Id, new PromptOptions { Text = $"Simpan {step.State.Name}?" }, cancellationToken);
    }

    private Task<DialogTurnResult> FinishStepAsync(WaterfallStep<FormState> step, CancellationToken cancellationToken)
    {
        if (!step.ResultAs<bool>())
        {
            step.Turn.SendText("Tidak disimpan.");
            return step.EndAsync(null, cancellationToken);
        }

        var s = step.State;
        step.Turn.SendText(string.Create(CultureInfo.InvariantCulture, $"Selesai: {s.Name}|{s.Count}|{s.Colour}|{s.Due:yyyy-MM-dd}"));
        return step.EndAsync(s, cancellationToken);
    }

    internal sealed class FormState
    {
        public string? Name { get; set; }
        public decimal Count { get; set; }
        public string? Colour { get; set; }
        public DateOnly Due { get; set; }
    }
}

/// <summary>Starts the test form on "mulai tes".</summary>
internal sealed class TestFormHandler(DialogRunner dialogs) : ITurnHandler
{
    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Text != "mulai tes")
        {
            return false;
        }

        await dialogs.BeginAsync(turn, TestFormDialog.DialogId, null, cancellationToken);
        return true;
    }
}
