using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Dialogs.Commitments;

/// <summary>For each editable field: the question to ask, how to read the answer, and how to show the value.</summary>
internal static class CommitmentEdits
{
    public static (string PromptId, PromptOptions Options) Question(CommitmentPrompts prompts, CommitmentField field, TurnContext turn, CommitmentDraft current)
    {
        var note = turn.F(CommitmentTexts.CurrentValue, Describe(field, current, turn.IsEnglish));
        return field switch
        {
            CommitmentField.FocusArea => (prompts.FocusArea.Id, CommitmentPrompts.FocusAreaOptions(turn, note)),
            CommitmentField.Programme => (prompts.Programme.Id, CommitmentPrompts.ProgrammeOptions(turn, note)),
            CommitmentField.Title => (prompts.Text.Id, CommitmentPrompts.TextOptions(turn, CommitmentTexts.AskTitle, CommitmentPrompts.MaxTitle, note)),
            CommitmentField.OutputIndicator => (prompts.Text.Id, CommitmentPrompts.TextOptions(turn, CommitmentTexts.AskIndicator, CommitmentPrompts.MaxIndicator, note)),
            CommitmentField.Target => (prompts.Target.Id, CommitmentPrompts.NumberOptions(turn, CommitmentTexts.AskTarget, note: note)),
            CommitmentField.Unit => (prompts.Text.Id, CommitmentPrompts.TextOptions(turn, CommitmentTexts.AskUnit, CommitmentPrompts.MaxUnit, note)),
            CommitmentField.Location => (prompts.Text.Id, CommitmentPrompts.TextOptions(turn, CommitmentTexts.AskLocation, CommitmentPrompts.MaxLocation, note)),
            CommitmentField.Budget => (prompts.Budget.Id, CommitmentPrompts.NumberOptions(turn, CommitmentTexts.AskBudget, allowSkip: true, note: note)),
            CommitmentField.Deadline => (prompts.Deadline.Id, prompts.DeadlineOptions(turn, current.Deadline.Year, note)),
            _ => (prompts.Periods.Id, CommitmentPrompts.PeriodOptions(turn, note)),
        };
    }

    /// <summary>Applies a prompt's answer to the draft.</summary>
    public static void Apply(CommitmentField field, CommitmentDraft draft, object? answer)
    {
        switch (field)
        {
            case CommitmentField.FocusArea: draft.FocusArea = Enum.Parse<FocusArea>((string)answer!); break;
            case CommitmentField.Programme: draft.Programme = Enum.Parse<Programme>((string)answer!); break;
            case CommitmentField.Title: draft.Title = (string)answer!; break;
            case CommitmentField.OutputIndicator: draft.OutputIndicator = (string)answer!; break;
            case CommitmentField.Target: draft.TargetValue = (decimal)answer!; break;
            case CommitmentField.Unit: draft.Unit = (string)answer!; break;
            case CommitmentField.Location: draft.Location = (string)answer!; break;
            case CommitmentField.Budget: draft.Budget = answer as decimal?; break;
            case CommitmentField.Deadline: draft.Deadline = (DateOnly)answer!; break;
            default: draft.Periods = CommitmentPrompts.ParsePeriods((string)answer!); break;
        }
    }

    /// <summary>Copies one field from the draft to the stored commitment.</summary>
    public static void CopyTo(CommitmentField field, CommitmentDraft draft, Commitment commitment)
    {
        switch (field)
        {
            case CommitmentField.FocusArea: commitment.FocusArea = draft.FocusArea; break;
            case CommitmentField.Programme: commitment.Programme = draft.Programme; break;
            case CommitmentField.Title: commitment.Title = draft.Title; break;
            case CommitmentField.OutputIndicator: commitment.OutputIndicator = draft.OutputIndicator; break;
            case CommitmentField.Target: commitment.TargetValue = draft.TargetValue; break;
            case CommitmentField.Unit: commitment.Unit = draft.Unit; break;
            case CommitmentField.Location: commitment.Location = draft.Location; break;
            case CommitmentField.Budget: commitment.Budget = draft.Budget; break;
            case CommitmentField.Deadline: commitment.Deadline = draft.Deadline; break;
            default: commitment.Periods = [.. draft.Periods]; break;
        }
    }

    public static string Describe(CommitmentField field, CommitmentDraft d, bool english) => field switch
    {
        CommitmentField.FocusArea => CommitmentFormat.FocusArea(d.FocusArea, english),
        CommitmentField.Programme => CommitmentFormat.Programme(d.Programme, english),
        CommitmentField.Title => d.Title,
        CommitmentField.OutputIndicator => d.OutputIndicator,
        CommitmentField.Target => CommitmentFormat.Number(d.TargetValue, english),
        CommitmentField.Unit => d.Unit,
        CommitmentField.Location => d.Location,
        CommitmentField.Budget => CommitmentFormat.Rupiah(d.Budget, english),
        CommitmentField.Deadline => CommitmentFormat.Date(d.Deadline, english),
        _ => CommitmentFormat.Periods(d.Periods),
    };
}
