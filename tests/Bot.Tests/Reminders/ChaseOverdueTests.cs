using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reminders;

/// <summary>
/// Issue 15's chase, in December at 22:00 WITA (quiet hours): an overdue B6 can be nudged by OPD and by period, the
/// coordinator is told that the reminder waits for 07:00 (and it does), an OPD without a fokal is left out of every
/// count, and the summary covers both periods or the one asked for.
/// </summary>
public sealed class ChaseOverdueTests : IDisposable
{
    // Thursday 10 December 2026, 22:00 WITA.
    private static readonly DateTimeOffset DecemberNight = new(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AnOverdueB6IsNudgedByOrganisationAndPeriodAndWaitsTruthfullyForTheQuietHoursToEnd()
    {
        using var host = Seed();

        var reply = await ChaseCommandTests.SayAsync(host, "koor", "Ingatkan Dinsos");
        Assert.StartsWith("📣 **Pengingat untuk 1 laporan** (B6 2026) ke 1 fokal (DINSOS):", reply, StringComparison.Ordinal);
        Assert.Contains("- User fokal-sos (DINSOS): 1 laporan — menunggu jam tenang berakhir, dikirim Jum 11 Des 07.00 WITA", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("dikirim sekarang", reply, StringComparison.Ordinal);

        // The period can be named, in any case; the OPD is still recognised.
        var again = await ChaseCommandTests.SayAsync(host, "koor", "ingatkan dinsos B6");
        Assert.StartsWith("Tidak ada pengingat baru untuk B6 2026: laporan yang belum masuk sudah diingatkan hari ini.", again, StringComparison.Ordinal);
        Assert.Contains("- User fokal-sos (DINSOS): 1 laporan belum masuk, 1 terlambat — diingatkan pukul 22.00 WITA", again, StringComparison.Ordinal);
        Assert.Contains("Pengingat berikutnya bisa dikirim mulai 11 Des 2026.", again, StringComparison.Ordinal);
        Assert.DoesNotContain("yang perlu dikejar", again, StringComparison.Ordinal);
        Assert.DoesNotContain("tidak saya kenal", again, StringComparison.Ordinal);

        // Nothing leaves during the quiet hours; at 07:00 it does.
        await host.SweepAtAsync(DecemberNight.UtcDateTime.AddMinutes(1));
        Assert.Empty(host.Channel.SentTo("fokal-sos"));
        await host.SweepAtAsync(new DateTime(2026, 12, 10, 23, 0, 30, DateTimeKind.Utc));
        var sent = Assert.Single(host.Channel.SentTo("fokal-sos"));
        Assert.Contains("RA-2026-001", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NudgingEveryoneCountsOnlyOrganisationsThatHaveAFokal()
    {
        using var host = Seed();

        var reply = await ChaseCommandTests.SayAsync(host, "koor", "ingatkan semua");

        Assert.StartsWith("📣 **Pengingat untuk 2 laporan** (B12 2026, B6 2026) ke 2 fokal (DINKES, DINSOS):", reply, StringComparison.Ordinal);
        Assert.Contains("OPD tanpa fokal (tidak dihitung, undang fokalnya dulu): BAPPEDA.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("BAPPEDA):", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryCoversBothPeriodsOrTheOneAskedFor()
    {
        using var host = Seed();

        var both = await ChaseCommandTests.SayAsync(host, "koor", "ringkasan");
        Assert.Contains("**B6 2026** — komitmen: 1 · sudah lapor: 0", both, StringComparison.Ordinal);
        Assert.Contains("**B12 2026** — komitmen: 1 · sudah lapor: 0", both, StringComparison.Ordinal);

        var b12 = await ChaseCommandTests.SayAsync(host, "koor", "ringkasan B12");
        Assert.Contains("**B12 2026**", b12, StringComparison.Ordinal);
        Assert.DoesNotContain("**B6 2026**", b12, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BelumLaporWithoutAPeriodCoversEveryOpenedPeriodSoAnOverdueB6Shows()
    {
        using var host = Seed();

        var reply = await ChaseCommandTests.SayAsync(host, "koor", "belum lapor");

        Assert.Contains("📋 **Belum lapor B12 2026** (per 10 Des 2026): 1 komitmen dari 1 OPD, 0 terlambat.", reply, StringComparison.Ordinal);
        Assert.Contains("📋 **Belum lapor B6 2026** (per 10 Des 2026): 1 komitmen dari 1 OPD, 1 terlambat.", reply, StringComparison.Ordinal);
        Assert.Contains("**DINSOS** — 1 belum (1 terlambat) dari 1", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganisationWithoutAFokalIsNamedApartAndGetsNoNudgeButton()
    {
        using var host = Seed();

        var activity = Assert.Single((await host.Get<TurnProcessor>().ProcessAsync(Some.Message("conv-koor", "koor", "belum lapor B12"), TestContext.Token)).Replies);
        var missing = activity.Text!;
        var buttons = activity.SuggestedActions!.Actions.Select(a => a.Title!).ToList();
        Assert.Contains("📋 **Belum lapor B12 2026** (per 10 Des 2026): 1 komitmen dari 1 OPD, 0 terlambat.", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("**BAPPEDA**", missing, StringComparison.Ordinal);
        Assert.Contains("OPD tanpa fokal (tidak dihitung, undang fokalnya dulu): BAPPEDA.", missing, StringComparison.Ordinal);
        Assert.DoesNotContain(buttons, b => b.Contains("BAPPEDA", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Ingatkan DINKES", buttons);

        var summary = await ChaseCommandTests.SayAsync(host, "koor", "ringkasan B12");
        Assert.Contains("**B12 2026** — komitmen: 1 ·", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("**BAPPEDA**", summary, StringComparison.Ordinal);
        Assert.Contains("OPD tanpa fokal (tidak dihitung, undang fokalnya dulu): BAPPEDA.", summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// DINSOS: a B6-only commitment (overdue since 30 June). DINKES: a B12 commitment (window open). BAPPEDA: a B6
    /// and B12 commitment whose fokal has left, so the OPD has none.
    /// </summary>
    private ReminderHost Seed()
    {
        var host = new ReminderHost(_folder.Path, new FakeTimeProvider(DecemberNight));
        var dinsos = host.AddOrganisation("DINSOS", IndonesianTimeZones.Wita);
        var dinkes = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var bappeda = host.AddOrganisation("BAPPEDA", IndonesianTimeZones.Wita);
        var sos = host.AddUser("fokal-sos", Role.Fokal, dinsos.Id);
        var kes = host.AddUser("fokal-kes", Role.Fokal, dinkes.Id);
        var gone = host.AddUser("fokal-gone", Role.Fokal, bappeda.Id);
        host.AddUser("koor", Role.Koordinator, null);
        host.Register(dinsos.Id, sos.Id, new DateOnly(2026, 6, 30), ReportingPeriod.B6);
        host.Register(dinkes.Id, kes.Id, new DateOnly(2026, 12, 31), ReportingPeriod.B12);
        host.Register(bappeda.Id, gone.Id, new DateOnly(2026, 12, 31), ReportingPeriod.B6, ReportingPeriod.B12);
        var users = host.Get<IUserStore>();
        var left = users.Get(gone.Id)!;
        left.Role = Role.Warga;
        left.OrganisationId = null;
        users.Update(left);
        return host;
    }

    public void Dispose() => _folder.Dispose();
}
