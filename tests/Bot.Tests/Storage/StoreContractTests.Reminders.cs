using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Storage;

/// <summary>The contract of the reminder, notice and dashboard stores.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTime Noon = new(2027, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_outbox_refuses_a_key_twice_and_finds_due_and_leased_rows()
    {
        var outbox = Host.Get<IReminderOutbox>();
        var before = outbox.Count();
        Assert.True(outbox.TryAdd(Item("k-due", 1, "U-1", Noon.AddMinutes(-5))));
        Assert.False(outbox.TryAdd(Item("k-due", 1, "U-1", Noon)));
        Assert.Equal(2, outbox.InsertBulk([Item("k-later", 1, "U-2", Noon.AddHours(1)), Item("k-never", 2, "U-1", ReminderItem.Never)]));
        var leased = Item("k-leased", 2, "U-2", Noon.AddMinutes(2));
        leased.Status = ReminderStatus.Sending;
        outbox.TryAdd(leased);
        var earliest = Item("k-earliest", 3, "U-3", Noon.AddHours(-1));
        outbox.TryAdd(earliest);

        Assert.Equal(["k-earliest", "k-due"], outbox.FindAwake(Noon, 10).Select(i => i.Id));
        Assert.Equal(["k-earliest"], outbox.FindAwake(Noon, 1).Select(i => i.Id));
        Assert.Equal(["k-leased"], outbox.FindLeased(Noon, TimeSpan.FromMinutes(5)).Select(i => i.Id));
        Assert.Equal(ReminderItem.Never, outbox.Get("k-never")!.WakeAt);
        Assert.Equal(["k-due", "k-later"], outbox.ForCommitment(1).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["k-due", "k-never"], outbox.ForRecipient("U-1").Select(i => i.Id).Order(StringComparer.Ordinal));

        earliest.WakeAt = ReminderItem.Never;
        earliest.Status = ReminderStatus.Sent;
        outbox.Update(earliest);
        Assert.Equal(["k-due"], outbox.FindAwake(Noon, 10).Select(i => i.Id));
        Assert.Equal(ReminderStatus.Sent, outbox.Get("k-earliest")!.Status);
        Assert.True(outbox.Delete("k-due"));
        Assert.False(outbox.Delete("k-due"));
        Assert.Equal(before + 4, outbox.Count());
        Assert.Equal(before + 4, outbox.All().Count);
    }

    [Fact]
    public async Task A_commitment_s_rows_are_each_read_once_while_the_sweep_finishes_them()
    {
        // The end-to-end reminder test once saw a nudge twice: it was read from the hot set, then from the history
        // it had just moved to.
        var outbox = Host.Get<IReminderOutbox>();
        var rows = Enumerable.Range(0, 200).Select(i => Item($"m-{i:D3}", 21, "U-9", Noon.AddMinutes(-i))).ToList();
        outbox.InsertBulk(rows);
        var finishing = Task.Run(
            () =>
            {
                foreach (var row in rows)
                {
                    row.Status = ReminderStatus.Sent;
                    row.WakeAt = ReminderItem.Never;
                    outbox.Update(row);
                }
            },
            TestContext.Token);

        var reads = 0;
        do
        {
            var seen = outbox.ForCommitment(21).Select(r => r.Id).ToList();
            Assert.Equal(rows.Count, seen.Count);
            Assert.Equal(rows.Count, seen.Distinct(StringComparer.Ordinal).Count());
            reads++;
        }
        while (!finishing.IsCompleted);

        await finishing;
        Assert.All(outbox.ForCommitment(21), r => Assert.Equal(ReminderStatus.Sent, r.Status));
        Assert.True(reads > 1);
    }

    [Fact]
    public void The_outbox_keeps_every_row_in_view_and_every_key_used_while_it_stages_claims_and_finishes_rows()
    {
        var outbox = Host.Get<IReminderOutbox>();
        Assert.True(outbox.TryAdd(Item("s-tomorrow", 11, "U-7", Noon.AddDays(1))));
        Assert.True(outbox.TryAdd(Item("s-next-week", 11, "U-7", Noon.AddDays(7))));

        outbox.Stage(Noon.AddDays(2));
        Assert.False(outbox.TryAdd(Item("s-tomorrow", 11, "U-7", Noon)));
        Assert.DoesNotContain(outbox.FindAwake(Noon, 100), i => i.CommitmentId == 11);
        Assert.Equal(["s-tomorrow"], outbox.FindAwake(Noon.AddDays(1), 100).Where(i => i.CommitmentId == 11).Select(i => i.Id));

        // Read for a claim in the caller's order; a key that is not there is left out.
        var claimed = Host.Get<IStorageTransactions>().Run(() => outbox.GetForClaim(["s-next-week", "s-missing", "s-tomorrow"]));
        Assert.Equal(["s-next-week", "s-tomorrow"], claimed.Select(r => r.Id));

        var sent = claimed[1];
        sent.Status = ReminderStatus.Sent;
        sent.WakeAt = ReminderItem.Never;
        outbox.Update(sent);
        Assert.False(outbox.TryAdd(Item("s-tomorrow", 11, "U-7", Noon.AddDays(1))));
        Assert.Equal(ReminderStatus.Sent, outbox.Get("s-tomorrow")!.Status);
        Assert.Equal(["s-next-week", "s-tomorrow"], outbox.ForCommitment(11).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outbox.FindAwake(Noon.AddDays(1), 100), i => i.CommitmentId == 11);
    }

    [Fact]
    public void A_commitment_s_new_rows_go_in_together_where_every_read_finds_them()
    {
        var outbox = Host.Get<IReminderOutbox>();
        outbox.Stage(Noon.AddDays(1));
        var rows = new[] { Item("a-soon", 31, "U-8", Noon.AddHours(1)), Item("a-later", 31, "U-8", Noon.AddDays(9)) };
        Assert.Equal(2, Host.Get<IStorageTransactions>().Run(() => outbox.AddNew(rows)));
        Assert.False(outbox.TryAdd(Item("a-later", 31, "U-8", Noon)));
        Assert.Equal(["a-soon"], outbox.FindAwake(Noon.AddHours(1), 100).Where(i => i.CommitmentId == 31).Select(i => i.Id));

        var sent = outbox.Get("a-soon")!;
        sent.Status = ReminderStatus.Sent;
        sent.WakeAt = ReminderItem.Never;
        outbox.Update(sent);
        Assert.Equal(ReminderStatus.Sent, outbox.Get("a-soon")!.Status);
        Assert.False(outbox.TryAdd(Item("a-soon", 31, "U-8", Noon)));
        Assert.Equal(["a-later", "a-soon"], outbox.ForCommitment(31).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outbox.FindAwake(Noon.AddDays(2), 100), i => i.CommitmentId == 31);
    }

    [Fact]
    public void Reminder_logs_count_deliveries_and_keep_marks()
    {
        var deliveries = Host.Get<IDeliveryLog>();
        deliveries.Add(new ReminderDelivery { Id = "d1", UserId = "U-1", SentAt = Noon.AddHours(-13), Items = 1 });
        deliveries.Add(new ReminderDelivery { Id = "d2", UserId = "U-1", SentAt = Noon, Items = 2 });
        deliveries.Add(new ReminderDelivery { Id = "d3", UserId = "U-2", SentAt = Noon, Items = 1 });
        Assert.Equal(1, deliveries.CountBetween("U-1", Noon.Date, Noon.Date.AddDays(1)));
        Assert.Equal(2, deliveries.ForUser("U-1").Count);
        Assert.Equal(["d2"], deliveries.SentSince(["U-1", "U-9"], Noon.AddHours(-1)).Select(d => d.Id));
        Assert.Equal(["d1", "d2", "d3"], deliveries.SentSince(["U-1", "U-2"], Noon.AddDays(-1)).Select(d => d.Id).Order());

        var inFlight = Host.Get<IInFlightMessages>();
        inFlight.Put(new InFlightMessage { Id = "m1", RecipientId = "U-1", Keys = ["k1", "k2"] });
        Assert.Equal(["k1", "k2"], inFlight.All().Single().Keys);
        Assert.True(inFlight.Remove("m1"));
        Assert.Empty(inFlight.All());

        var acks = Host.Get<IReminderAcknowledgements>();
        acks.Record(7, ReportingPeriod.B6, "U-1", Noon);
        Assert.True(acks.IsAcknowledged(7, ReportingPeriod.B6));
        Assert.False(acks.IsAcknowledged(7, ReportingPeriod.B12));
        Assert.Equal([ReportingPeriod.B6], acks.ForCommitment(7));
        acks.Clear(7, ReportingPeriod.B6);
        Assert.Empty(acks.ForCommitment(7));

        var nudges = Host.Get<INudgeLog>();
        nudges.Add(new NudgeRecord { Id = "n1", CoordinatorId = "U-k", CommitmentId = 7, Period = ReportingPeriod.B12, At = Noon });
        Assert.Equal(ReportingPeriod.B12, nudges.Find("n1")!.Period);
        Assert.Single(nudges.ListByCoordinator("U-k"));
        Assert.Empty(nudges.ListByCoordinator("U-other"));
    }

    [Fact]
    public void Notices_wait_until_delivered()
    {
        var notices = Host.Get<INotificationStore>();
        var first = new Notice { UserId = "U-1", Text = "satu", CreatedAt = Noon };
        var second = new Notice { UserId = "U-1", Text = "dua", CreatedAt = Noon };
        notices.Insert(first);
        notices.Insert(second);
        notices.Insert(new Notice { UserId = "U-2", Text = "tiga", CreatedAt = Noon });
        Assert.NotEqual(first.Id, second.Id);
        Assert.True(notices.HasPending("U-1"));
        Assert.Equal(["satu", "dua"], notices.ListPending("U-1").Select(n => n.Text));

        first.DeliveredAt = Noon;
        notices.Update(first);
        second.DeliveredAt = Noon;
        notices.Update(second);
        Assert.False(notices.HasPending("U-1"));
        Assert.Equal(["tiga"], notices.ListPending().Select(n => n.Text));
        Assert.Equal(Noon, notices.Get(first.Id)!.DeliveredAt!.Value.ToUniversalTime());
    }

    [Fact]
    public void Dashboard_sessions_expire_and_a_sign_in_link_is_used_once()
    {
        var sessions = Host.Get<IDashboardSessionStore>();
        sessions.Add(new DashboardSession { Id = "old", UserId = "U-1", CreatedAt = Noon.AddHours(-9), ExpiresAt = Noon.AddHours(-1) }, Noon.AddHours(-2));
        sessions.Add(new DashboardSession { Id = "new", UserId = "U-1", CreatedAt = Noon, ExpiresAt = Noon.AddHours(8) }, Noon);
        Assert.Null(sessions.Get("old"));
        Assert.Equal("U-1", sessions.Get("new")!.UserId);
        sessions.Delete("new");
        Assert.Null(sessions.Get("new"));

        Assert.False(sessions.IsLinkUsed("t1"));
        sessions.MarkLinkUsed("t1", Noon.AddMinutes(15), Noon);
        Assert.True(sessions.IsLinkUsed("t1"));
        Assert.Throws<StorageConflictException>(() => sessions.MarkLinkUsed("t1", Noon.AddMinutes(15), Noon));
        sessions.MarkLinkUsed("t2", Noon.AddHours(2), Noon.AddHours(1));
        Assert.False(sessions.IsLinkUsed("t1"));
    }

    private static ReminderItem Item(string key, int commitmentId, string recipientId, DateTime wakeAt) => new()
    {
        Id = key,
        CommitmentId = commitmentId,
        RecipientId = recipientId,
        WakeAt = wakeAt,
        DueAt = wakeAt,
        Status = ReminderStatus.Pending,
        Step = "h-7",
    };
}
