using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ChaseCommandTests;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>The buttons under a reminder: remind me tomorrow, snooze three days, already done.</summary>
public sealed class ReminderActionTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RemindsAgainTomorrowAtEightInsteadOfTheStepsInBetween()
    {
        using var host = Seed(out _);
        await host.SweepAtAsync(Utc(2027, 6, 23, 0)); // H-7

        var reply = await SayAsync(host, "fokal", "ingatkan besok RA-2027-001 B6");

        Assert.Equal("🔕 Baik, pengingat RA-2027-001 B6 saya tunda. Saya ingatkan lagi **Kamis, 24 Juni 2027 pukul 08:00 WITA**.", reply);
        await host.SweepAtAsync(Utc(2027, 6, 24, 0));
        Assert.StartsWith("🔔 **Sesuai permintaan Anda**", host.Channel.Sent[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnoozesThreeDaysInPlaceOfTheWarningsDueUntilThen()
    {
        using var host = Seed(out _);
        await host.SweepAtAsync(Utc(2027, 6, 23, 0));

        await SayAsync(host, "fokal", "tunda 3 hari RA-2027-001 B6");
        await host.SweepAtAsync(Utc(2027, 6, 25, 0));
        Assert.Single(host.Channel.Sent);

        await host.SweepAtAsync(Utc(2027, 6, 26, 0)); // Wednesday + 3 days, 08:00 WITA: where H-3 was due too
        Assert.Equal(2, host.Channel.Sent.Count);
        Assert.StartsWith("🔔 **Sesuai permintaan Anda**", host.Channel.Sent[^1].Text, StringComparison.Ordinal);
        Assert.Equal("snoozed by the user", host.Get<IReminderOutbox>().All().Single(r => r.Step == "H-3").Outcome);
    }

    [Fact]
    public async Task StopsTheNaggingAfterAlreadyDoneAndAsksForTheReport()
    {
        using var host = Seed(out var commitment);
        await host.SweepAtAsync(Utc(2027, 6, 23, 0));

        var reply = await SayAsync(host, "fokal", "sudah selesai RA-2027-001 B6");

        Assert.Contains("kirim laporannya", reply, StringComparison.Ordinal);
        foreach (var day in new[] { 26, 29, 30 })
        {
            await host.SweepAtAsync(Utc(2027, 6, day, 0));
        }

        await host.SweepAtAsync(Utc(2027, 7, 7, 0));
        Assert.Single(host.Channel.Sent);
        Assert.DoesNotContain(host.Get<IReminderOutbox>().ForCommitment(commitment.Id), r => r.Status == ReminderStatus.Pending);
    }

    [Fact]
    public async Task RefusesSomeoneElsesCommitment()
    {
        using var host = Seed(out _);
        var other = host.AddOrganisation("DISDIK", IndonesianTimeZones.Wita);
        host.AddUser("stranger", Role.Fokal, other.Id);

        Assert.Equal("Maaf, hanya fokal OPD pemilik RA-2027-001 yang dapat mengatur pengingatnya.", await SayAsync(host, "stranger", "sudah selesai RA-2027-001 B6"));
        Assert.Equal("Komitmen RA-2027-999 tidak ditemukan. Periksa kodenya (contoh: RA-2027-014).", await SayAsync(host, "fokal", "tunda 3 hari RA-2027-999 B6"));
    }

    private ReminderHost Seed(out Commitment commitment)
    {
        var host = new ReminderHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        return host;
    }

    public void Dispose() => _folder.Dispose();
}
