using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reminders;

/// <summary>A coordinator sees who has not reported and chases them from the chat.</summary>
public sealed class ChaseCommandTests : IDisposable
{
    private static readonly DateTimeOffset FifthOfJuly = new(2027, 7, 5, 1, 0, 0, TimeSpan.Zero); // Monday 09:00 WITA
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RefusesTheChaseToAnyoneButACoordinator()
    {
        using var host = Seed(out _);
        foreach (var command in new[] { "belum lapor B6", "ingatkan semua", "ringkasan" })
        {
            Assert.StartsWith("Maaf, perintah ini hanya untuk koordinator", await SayAsync(host, "fokal-a", command), StringComparison.Ordinal);
        }

        Assert.Equal(0, host.Get<IReminderOutbox>().All().Count(r => r.Kind == ReminderKind.Nudge));
    }

    [Fact]
    public async Task ListsMissingAndOverdueReportsPerOrganisationWithCounts()
    {
        using var host = Seed(out _);

        var text = await SayAsync(host, "koor", "siapa yang belum lapor B6?");

        Assert.StartsWith("📋 **Belum lapor B6 2027** (per 5 Jul 2027): 2 komitmen dari 2 OPD, 2 terlambat.", text, StringComparison.Ordinal);
        Assert.Contains("**DINKES** — 1 belum (1 terlambat) dari 2", text, StringComparison.Ordinal);
        Assert.Contains("RA-2027-002 Sosialisasi P4GN di sekolah — terlambat 5 hari", text, StringComparison.Ordinal);
        Assert.Contains("**DISDIK** — 1 belum (1 terlambat) dari 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RA-2027-001", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NudgesEveryLaggingFokalOnceADayAndLogsEachNudge()
    {
        using var host = Seed(out var coordinator);

        var first = await SayAsync(host, "koor", "ingatkan semua");
        Assert.StartsWith("📣 **Pengingat untuk 2 laporan** (B6 2027) ke 2 fokal (DINKES, DISDIK):", first, StringComparison.Ordinal);
        Assert.Contains("- User fokal-a (DINKES): 1 laporan — dikirim sekarang", first, StringComparison.Ordinal);
        var second = await SayAsync(host, "koor", "ingatkan semua");
        Assert.StartsWith("Tidak ada pengingat baru untuk B6 2027: laporan yang belum masuk sudah diingatkan hari ini.", second, StringComparison.Ordinal);
        Assert.Contains("Sudah diingatkan hari ini, tidak dikirim lagi:\n- User fokal-a (DINKES): 1 laporan belum masuk, 1 terlambat — diingatkan pukul 09.00 WITA", second, StringComparison.Ordinal);
        Assert.Contains("- User fokal-b (DISDIK): 1 laporan belum masuk", second, StringComparison.Ordinal);
        Assert.Contains("Pengingat berikutnya bisa dikirim mulai 6 Jul 2027.", second, StringComparison.Ordinal);
        Assert.DoesNotContain("yang perlu dikejar", second, StringComparison.Ordinal);
        await host.SweepAtAsync(FifthOfJuly.UtcDateTime.AddSeconds(30));

        Assert.Contains("RA-2027-002", Assert.Single(host.Channel.SentTo("fokal-a")).Text, StringComparison.Ordinal);
        Assert.Contains("RA-2027-003", Assert.Single(host.Channel.SentTo("fokal-b")).Text, StringComparison.Ordinal);
        Assert.Equal(2, host.Get<NudgeService>().ListByCoordinator(coordinator.Id).Count);
    }

    [Fact]
    public async Task NudgesOneOrganisationByItsShortNameAndNamesTheKnownOnesWhenItIsUnknown()
    {
        using var host = Seed(out _);

        Assert.StartsWith("📣 **Pengingat untuk 1 laporan** (B6 2027) ke 1 fokal (DISDIK)", await SayAsync(host, "koor", "ingatkan disdik"), StringComparison.Ordinal);
        Assert.Equal("OPD \"DINSOS\" tidak saya kenal. OPD yang ada: DINKES, DISDIK.", await SayAsync(host, "koor", "ingatkan DINSOS"));
    }

    [Fact]
    public async Task GivesTheDigestOnDemand()
    {
        using var host = Seed(out _);

        var text = await SayAsync(host, "koor", "ringkasan");

        Assert.StartsWith("📊 **Ringkasan pelaporan** (per 5 Jul 2027)", text, StringComparison.Ordinal);
        Assert.Contains("**B6 2027** — komitmen: 3 · sudah lapor: 1 · menunggu verifikasi: 1 · belum: 2 · terlambat: 2", text, StringComparison.Ordinal);
    }

    /// <summary>On 5 July 2027, two OPDs in WITA: DINKES reported one of two B6 commitments, DISDIK none of one.</summary>
    private ReminderHost Seed(out BotUser coordinator)
    {
        var host = new ReminderHost(_folder.Path, new FakeTimeProvider(FifthOfJuly));
        var dinkes = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var disdik = host.AddOrganisation("DISDIK", IndonesianTimeZones.Wita);
        var fokalA = host.AddUser("fokal-a", Role.Fokal, dinkes.Id);
        var fokalB = host.AddUser("fokal-b", Role.Fokal, disdik.Id);
        coordinator = host.AddUser("koor", Role.Koordinator, null);
        var reported = host.Register(dinkes.Id, fokalA.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        host.Register(dinkes.Id, fokalA.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        host.Register(disdik.Id, fokalB.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        host.Submit(reported, ReportingPeriod.B6, fokalA.Id);
        return host;
    }

    internal static async Task<string> SayAsync(ReminderHost host, string account, string text)
    {
        var result = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("conv-" + account, account, text), TestContext.Token);
        return Assert.Single(result.Replies).Text!;
    }

    public void Dispose() => _folder.Dispose();
}
