using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Keeps a commitment's rows in the outbox equal to what the policy wants now. Called inside the transaction
/// that changes the commitment or its report, so it reads reports through <see cref="IProgressReportReader"/> (the
/// report store itself depends on the change listeners).
/// </summary>
internal sealed class ReminderPlanner(
    ReminderPolicy policy,
    IReminderOutbox outbox,
    RecipientDirectory directory,
    IReminderAcknowledgements acknowledgements,
    IProgressReportReader reportReader,
    TimeProvider time)
{
    /// <summary>
    /// Drops pending rows the plan no longer has, refreshes pending rows it still has, and adds new rows that
    /// are not yet due. Rows already sent, being sent or skipped keep their key, so nothing is sent twice; a
    /// step whose time passed before it was planned is not sent late.
    /// </summary>
    public void Replan(Commitment commitment, ProgressReport? changedReport = null)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var now = time.GetUtcNow().UtcDateTime;
        var inputs = Gather(commitment, changedReport);
        var planned = policy.Plan(inputs).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var existing = outbox.ForCommitment(commitment.Id).ToDictionary(i => i.Id, StringComparer.Ordinal);

        foreach (var row in existing.Values.Where(r => r.Status == ReminderStatus.Pending))
        {
            if (IsPlannedKind(row.Kind) ? !planned.ContainsKey(row.Id) : IsClosed(row, inputs))
            {
                outbox.Delete(row.Id);
            }
        }

        // The commitment's rows were all read above, so a key not among them is unused: the new rows go in together,
        // none looked up again (a registration plans about a dozen).
        var added = new List<ReminderItem>();
        foreach (var item in planned.Values)
        {
            if (existing.TryGetValue(item.Id, out var row))
            {
                Refresh(row, item);
            }
            else if (item.DueAt >= now)
            {
                item.CreatedAt = now;
                added.Add(item);
            }
        }

        if (added.Count > 0)
        {
            outbox.AddNew(added);
        }
    }

    /// <summary>The policy's inputs for one commitment as the database holds it now.</summary>
    public PlanInputs Gather(Commitment commitment, ProgressReport? changedReport = null)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var organisation = directory.Organisation(commitment.OrganisationId);
        var reports = reportReader.ListByCommitment(commitment.Id).ToList();
        if (changedReport is not null)
        {
            reports.RemoveAll(r => r.Id == changedReport.Id);
            reports.Add(changedReport);
        }

        var closed = reports.Where(r => r.State is ReportState.Submitted or ReportState.Approved).Select(r => r.Period).ToHashSet();
        closed.UnionWith(acknowledgements.ForCommitment(commitment.Id));
        return new PlanInputs(
            commitment,
            organisation?.ShortName is { Length: > 0 } shortName ? shortName : organisation?.Name ?? string.Empty,
            directory.FokalFor(commitment).Select(directory.ToRecipient).ToList(),
            directory.CoordinatorsFor(organisation).Select(directory.ToRecipient).ToList(),
            closed);
    }

    private static bool IsPlannedKind(ReminderKind kind) =>
        kind is ReminderKind.Upcoming or ReminderKind.Due or ReminderKind.Overdue or ReminderKind.Escalation;

    /// <summary>Snoozes and nudges outlive a replan unless their period is done or the commitment is cancelled.</summary>
    private static bool IsClosed(ReminderItem row, PlanInputs inputs) =>
        inputs.Commitment.Status == CommitmentStatus.Cancelled
        || (row.Period is { } period && inputs.ClosedPeriods.Contains(period));

    private void Refresh(ReminderItem row, ReminderItem planned)
    {
        if (row.Status != ReminderStatus.Pending)
        {
            return;
        }

        row.CommitmentCode = planned.CommitmentCode;
        row.CommitmentTitle = planned.CommitmentTitle;
        row.OrganisationName = planned.OrganisationName;

        // A row waiting for a retry keeps its back-off; otherwise follow the plan (the zone may have changed).
        if (row.Attempts == 0)
        {
            row.DueAt = planned.DueAt;
            row.WakeAt = planned.DueAt;
        }

        outbox.Update(row);
    }
}
