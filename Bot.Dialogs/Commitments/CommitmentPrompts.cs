using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// The questions about a commitment's fields, with their validators, shared by the register and edit dialogs
/// so that a value is checked the same way wherever it is entered.
/// </summary>
internal sealed class CommitmentPrompts(TimeProvider time)
{
    public const int MaxTitle = 150;
    public const int MaxIndicator = 200;
    public const int MaxUnit = 30;
    public const int MaxLocation = 150;
    private const decimal MaxNumber = 1_000_000_000_000_000m;

    public ChoicePrompt FocusArea { get; } = new("commitment.focusArea");
    public ChoicePrompt Programme { get; } = new("commitment.programme");
    public TextPrompt Text { get; } = new("commitment.text");
    public NumberPrompt Target { get; } = new("commitment.target", c =>
        c.Value <= 0 ? c.Turn.T(CommitmentTexts.TargetPositive) : c.Value > MaxNumber ? c.Turn.T(CommitmentTexts.NumberTooLarge) : null);
    public NumberPrompt Budget { get; } = new("commitment.budget", c =>
        c.Value < 0 ? c.Turn.T(CommitmentTexts.BudgetInvalid) : c.Value > MaxNumber ? c.Turn.T(CommitmentTexts.NumberTooLarge) : null);
    public DatePrompt Deadline { get; } = new("commitment.deadline", time, c => ValidateDeadline(c, time));
    public ChoicePrompt Periods { get; } = new("commitment.periods");
    public ConfirmPrompt Confirm { get; } = new("commitment.confirm");
    public ChoicePrompt Year { get; } = new("commitment.year");

    private TimeProvider Clock { get; } = time;

    public IEnumerable<Dialog> All => [FocusArea, Programme, Text, Target, Budget, Deadline, Periods, Confirm, Year];

    public static PromptOptions FocusAreaOptions(TurnContext turn, string? note = null) => new()
    {
        Text = WithNote(turn.T(CommitmentTexts.AskFocusArea), note),
        Choices = Enum.GetValues<FocusArea>().Select(a => PromptChoice.Of(a.ToString(), ShortFocusArea(a, turn.IsEnglish), CommitmentFormat.FocusArea(a, false), CommitmentFormat.FocusArea(a, true))).ToList(),
    };

    public static PromptOptions ProgrammeOptions(TurnContext turn, string? note = null) => new()
    {
        Text = WithNote(turn.T(CommitmentTexts.AskProgramme), note),
        Choices = Enum.GetValues<Programme>().Select(p => PromptChoice.Of(p.ToString(), ShortProgramme(p, turn.IsEnglish), CommitmentFormat.Programme(p, false), CommitmentFormat.Programme(p, true))).ToList(),
    };

    public static PromptOptions TextOptions(TurnContext turn, LocalizedText question, int maxLength, string? note = null) =>
        new() { Text = WithNote(turn.T(question), note), MaxLength = maxLength };

    public static PromptOptions NumberOptions(TurnContext turn, LocalizedText question, bool allowSkip = false, string? note = null) =>
        new() { Text = WithNote(turn.T(question), note), AllowSkip = allowSkip };

    public static PromptOptions PeriodOptions(TurnContext turn, string? note = null) => new()
    {
        Text = WithNote(turn.T(CommitmentTexts.AskPeriods), note),
        Choices = [PromptChoice.Of("B6", "B6", "juni", "semester 1"), PromptChoice.Of("B12", "B12", "desember", "semester 2"), PromptChoice.Of("B6,B12", turn.T(CommitmentTexts.BothPeriods), "keduanya", "both", "semua")],
    };

    public static List<ReportingPeriod> ParsePeriods(string value) =>
        value.Split(',').Select(Enum.Parse<ReportingPeriod>).ToList();

    /// <summary>
    /// The deadline question of a plan year: a date without a year falls in it. Its examples are dates the question
    /// accepts today (from today's month when 30 June has passed), or the plan year's end when the year is over.
    /// </summary>
    public PromptOptions DeadlineOptions(TurnContext turn, int planYear, string? note = null)
    {
        var english = turn.IsEnglish;
        var example = ExampleDeadline(turn.Today(Clock), planYear);
        var culture = CommitmentFormat.Culture(english);
        var dayMonth = example.ToString("d MMMM", culture);
        var month = example.ToString("MMMM", culture);
        var numeric = example.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        return new()
        {
            Text = WithNote(turn.F(CommitmentTexts.AskDeadline, planYear, dayMonth, month, numeric), note),
            DefaultYear = planYear,
            Example = turn.F(CommitmentTexts.DeadlineExample, CommitmentFormat.Date(example, english), example.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), month),
        };
    }

    /// <summary>
    /// A deadline the question accepts: 30 June of a plan year still ahead of it, the end of the current month once
    /// 30 June has passed, or 31 December of a plan year already over (whose deadlines are refused anyway).
    /// </summary>
    public static DateOnly ExampleDeadline(DateOnly today, int planYear)
    {
        var midYear = new DateOnly(planYear, 6, 30);
        if (planYear != today.Year || today <= midYear)
        {
            return planYear < today.Year ? new DateOnly(planYear, 12, 31) : midYear;
        }

        return new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
    }

    /// <summary>
    /// The plan year is asked only when two are plausible: from October the next year's plans are being made while
    /// the current year still runs; in December the next year is offered first.
    /// </summary>
    public static IReadOnlyList<int> PlanYears(DateOnly today) =>
        today.Month < 10 ? [today.Year] : today.Month == 12 ? [today.Year + 1, today.Year] : [today.Year, today.Year + 1];

    public static PromptOptions YearOptions(TurnContext turn, DateOnly today) => new()
    {
        Text = turn.T(CommitmentTexts.AskYear),
        Choices = PlanYears(today)
            .Select(y => PromptChoice.Of(
                y.ToString(CultureInfo.InvariantCulture),
                y == today.Year ? turn.F(CommitmentTexts.ThisYear, y) : turn.F(CommitmentTexts.NextYear, y),
                y == today.Year ? turn.T(CommitmentTexts.ThisYearWord) : turn.T(CommitmentTexts.NextYearWord)))
            .ToList(),
    };

    private static string? ValidateDeadline(PromptValidatorContext<DateOnly> context, TimeProvider time)
    {
        var today = context.Turn.Today(time);
        var english = context.Turn.IsEnglish;
        var planYear = context.Options.DefaultYear ?? today.Year;
        if (planYear < today.Year)
        {
            return context.Turn.F(CommitmentTexts.DeadlineYearOver, planYear);
        }

        if (context.Value < today)
        {
            return context.Turn.F(CommitmentTexts.DeadlinePast, CommitmentFormat.Date(today, english));
        }

        return context.Value.Year != planYear ? context.Turn.F(CommitmentTexts.DeadlineOutsideYear, planYear) : null;
    }

    private static string WithNote(string question, string? note) => note is null ? question : question + " " + note;

    // Button titles stay within 20 characters (WhatsApp buttons); the full names are synonyms.
    private static string ShortFocusArea(FocusArea area, bool english) => area switch
    {
        Domain.FocusArea.PemberdayaanMasyarakat => english ? "Empowerment" : "Pemberdayaan",
        Domain.FocusArea.KelembagaanKebijakan => english ? "Institutions" : "Kelembagaan",
        _ => CommitmentFormat.FocusArea(area, english),
    };

    private static string ShortProgramme(Programme programme, bool english) => programme switch
    {
        Domain.Programme.DesaBersinar => "Desa Bersinar",
        Domain.Programme.KetahananKeluarga => english ? "Family resilience" : "Ketahanan Keluarga",
        Domain.Programme.PemberdayaanAlternatif => english ? "Alternative dev." : "Pemb. Alternatif",
        Domain.Programme.TesUrine => english ? "Urine tests" : "Tes Urine",
        Domain.Programme.SosialisasiAdvokasi => english ? "Awareness" : "Sosialisasi",
        _ => CommitmentFormat.Programme(programme, english),
    };
}
