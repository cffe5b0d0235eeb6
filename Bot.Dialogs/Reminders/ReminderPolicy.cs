using System.Globalization;
using Bot.Dialogs.Domain;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Reminders;

/// <summary>A person a reminder goes to, in the zone their local times are read in.</summary>
internal sealed record ReminderRecipient(string UserId, TimeZoneInfo Zone);

/// <summary>Everything the policy needs to know about one commitment, gathered by the planner.</summary>
internal sealed record PlanInputs(
    Commitment Commitment,
    string OrganisationName,
    IReadOnlyList<ReminderRecipient> Fokal,
    IReadOnlyList<ReminderRecipient> Coordinators,
    IReadOnlySet<ReportingPeriod> ClosedPeriods);

/// <summary>
/// The pure reminder policy: which rows a commitment should have, each with its idempotency key and due
/// time in UTC. For every reporting period still open: H-7/H-3/H-1/on the day and "terlambat" to the fokal,
/// escalation to the coordinators; for the commitment's own deadline (when it is not a period end) the
/// warnings before it. Nothing for a cancelled commitment or a period already reported.
/// </summary>
internal sealed class ReminderPolicy(IOptions<ReminderOptions> options, LocalSchedule schedule)
{
    private readonly ReminderOptions _options = options.Value;

    public IReadOnlyList<ReminderItem> Plan(PlanInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var commitment = inputs.Commitment;
        if (commitment.Status == CommitmentStatus.Cancelled)
        {
            return [];
        }

        var planned = new List<(ReminderItem Item, int Offset)>();
        foreach (var period in commitment.Periods.Distinct().Where(p => !inputs.ClosedPeriods.Contains(p)))
        {
            var end = ReportingPeriods.EndOf(period, commitment.Year);
            AddWarnings(planned, inputs, period, end, isDeadline: false);
            AddSteps(planned, inputs, period, end, false, _options.OverdueAfterDays, ReminderKind.Overdue, inputs.Fokal);
            foreach (var days in _options.EscalationDaysList)
            {
                AddSteps(planned, inputs, period, end, false, days, ReminderKind.Escalation, inputs.Coordinators);
            }
        }

        if (DeadlinePeriod(commitment) is { } deadlinePeriod && !inputs.ClosedPeriods.Contains(deadlinePeriod))
        {
            AddWarnings(planned, inputs, deadlinePeriod, commitment.Deadline, isDeadline: true);
        }

        // A Sunday moved to Saturday can meet the step before it: one message that day, the later step's.
        return planned
            .GroupBy(p => (p.Item.IsDeadline, p.Item.Period, p.Item.RecipientId, p.Item.DueAt))
            .Select(g => g.MaxBy(p => p.Offset).Item)
            .OrderBy(i => i.DueAt)
            .ToList();
    }

    /// <summary>
    /// The period whose report covers the deadline: the first one ending on or after it. None when the deadline
    /// is itself that period's end (the period's reminders already cover it) or the commitment is finished.
    /// </summary>
    private static ReportingPeriod? DeadlinePeriod(Commitment commitment)
    {
        if (commitment.Status != CommitmentStatus.Active || commitment.Periods.Count == 0)
        {
            return null;
        }

        var ordered = commitment.Periods.Distinct().OrderBy(p => ReportingPeriods.EndOf(p, commitment.Year)).ToList();
        var period = ordered.FirstOrDefault(p => ReportingPeriods.EndOf(p, commitment.Year) >= commitment.Deadline, ordered[^1]);
        return ReportingPeriods.EndOf(period, commitment.Year) == commitment.Deadline ? null : period;
    }

    private void AddWarnings(List<(ReminderItem, int)> planned, PlanInputs inputs, ReportingPeriod period, DateOnly target, bool isDeadline)
    {
        foreach (var days in _options.DaysBeforeList)
        {
            AddSteps(planned, inputs, period, target, isDeadline, -days, days == 0 ? ReminderKind.Due : ReminderKind.Upcoming, inputs.Fokal);
        }
    }

    private void AddSteps(
        List<(ReminderItem, int)> planned,
        PlanInputs inputs,
        ReportingPeriod period,
        DateOnly target,
        bool isDeadline,
        int offsetDays,
        ReminderKind kind,
        IReadOnlyList<ReminderRecipient> recipients)
    {
        var commitment = inputs.Commitment;
        var step = StepName(offsetDays);
        foreach (var recipient in recipients)
        {
            var due = schedule.PlannedInstant(target.AddDays(offsetDays), offsetDays <= 0, recipient.Zone);
            var key = string.Create(
                CultureInfo.InvariantCulture,
                $"c{commitment.Id}|{period}|{(isDeadline ? "dl" : "end")}{target:yyyyMMdd}|{step}|{recipient.UserId}");
            planned.Add((new ReminderItem
            {
                Id = key,
                RecipientId = recipient.UserId,
                Kind = kind,
                Step = step,
                CommitmentId = commitment.Id,
                CommitmentCode = commitment.Code,
                CommitmentTitle = commitment.Title,
                OrganisationId = commitment.OrganisationId,
                OrganisationName = inputs.OrganisationName,
                Period = period,
                TargetDate = target.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                IsDeadline = isDeadline,
                DueAt = due,
                WakeAt = due,
                Status = ReminderStatus.Pending,
            }, offsetDays));
        }
    }

    internal static string StepName(int offsetDays) => offsetDays switch
    {
        0 => "H",
        < 0 => string.Create(CultureInfo.InvariantCulture, $"H{offsetDays}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"H+{offsetDays}"),
    };
}
