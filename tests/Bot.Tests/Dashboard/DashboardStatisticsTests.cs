using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dashboard;

/// <summary>The figures of the per-OPD table and the charts, worked out by hand for <see cref="DashboardSeed"/>.</summary>
public sealed class DashboardStatisticsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void CountsEachOpdsCommitmentsStandingAndReports()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        var seed = DashboardSeed.Plant(host);

        var overview = host.Get<DashboardStatistics>().Overview(new DashboardFilter(2027));
        var dinkes = overview.Rows.Single(r => r.Organisation!.Id == seed.Dinkes.Id);
        var disdik = overview.Rows.Single(r => r.Organisation!.Id == seed.Disdik.Id);
        var kesbangpol = overview.Rows.Single(r => r.Organisation!.Id == seed.Kesbangpol.Id);

        // DINKES: urine test 60% at B6 (on track, on time), talks 30% at B6 (behind, submitted 5 July: late).
        Assert.Equal((2, 1, 0, 2, 1, 0, 0), Figures(dinkes));
        Assert.Equal(50m, dinkes.OnTimeRate);
        Assert.Equal(45m, dinkes.AverageRealisation);

        // DISDIK: peer training has no B6 report (overdue); family classes report only at B12 (nothing due).
        Assert.Equal((2, 1, 1, 0, 0, 0, 0), Figures(disdik));
        Assert.Equal(0m, disdik.OnTimeRate);
        Assert.Null(disdik.AverageRealisation);

        // KESBANGPOL: the cancelled commitment is left out; Desa Bersinar 100%, verified, on time.
        Assert.Equal((1, 1, 0, 1, 1, 0, 0), Figures(kesbangpol));
        Assert.Equal(100m, kesbangpol.OnTimeRate);

        Assert.Equal((5, 3, 1, 3, 2, 0, 0), Figures(overview.Total));
        Assert.Equal(50m, overview.Total.OnTimeRate);
    }

    [Fact]
    public void ChartsShowReportingRatesPerPeriodAndCommitmentsPerProgramme()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        DashboardSeed.Plant(host);

        var overview = host.Get<DashboardStatistics>().Overview(new DashboardFilter(2027));

        var b6 = overview.ReportingRates.Single(r => r.Period == ReportingPeriod.B6);
        var b12 = overview.ReportingRates.Single(r => r.Period == ReportingPeriod.B12);
        Assert.Equal((4, 3, 2, 75m), (b6.Expected, b6.Reported, b6.Verified, b6.Rate));
        Assert.Equal((5, 0, 0, 0m), (b12.Expected, b12.Reported, b12.Verified, b12.Rate));
        Assert.Equal(1, overview.Programmes.Single(p => p.Programme == Programme.TesUrine).Commitments);
        Assert.Equal(0, overview.Programmes.Single(p => p.Programme == Programme.Lainnya).Commitments);
        Assert.Equal(5, overview.Programmes.Sum(p => p.Commitments));
    }

    [Fact]
    public void FiltersNarrowToOnePeriodAndOneProgramme()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        var seed = DashboardSeed.Plant(host);
        var statistics = host.Get<DashboardStatistics>();

        var b12Only = statistics.Rows(new DashboardFilter(2027, ReportingPeriod.B12));
        var village = statistics.Overview(new DashboardFilter(2027, Programme: Programme.DesaBersinar));

        Assert.All(b12Only, r => Assert.Equal(ReportingPeriod.B12, r.Period));
        Assert.Equal(5, b12Only.Count);
        Assert.Equal(1, village.Total.Commitments);
        Assert.Equal(seed.Kesbangpol.Id, Assert.Single(village.Rows, r => r.Commitments > 0).Organisation!.Id);
        Assert.Single(village.Programmes);
        Assert.Empty(statistics.Rows(new DashboardFilter(2026)));
    }

    [Fact]
    public void AReportIsDueAtTheEndOfThePeriodInTheOpdsZone()
    {
        var wita = DashboardStatistics.DueAt(ReportingPeriod.B6, 2027, "WITA");
        var wib = DashboardStatistics.DueAt(ReportingPeriod.B12, 2027, "WIB");

        Assert.Equal(new DateTimeOffset(2027, 6, 30, 16, 0, 0, TimeSpan.Zero), wita.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2027, 12, 31, 17, 0, 0, TimeSpan.Zero), wib.ToUniversalTime());
    }

    [Fact]
    public void NothingIsOverdueBeforeThePeriodEnds()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2027, 6, 30, 15, 0, 0, TimeSpan.Zero)));
        DashboardSeed.Plant(host);

        var total = host.Get<DashboardStatistics>().Overview(new DashboardFilter(2027)).Total;

        Assert.Equal(0, total.Overdue);
        Assert.Equal(3, total.DueOrReported);
    }

    private static (int, int, int, int, int, int, int) Figures(OpdSummary s) =>
        (s.Commitments, s.OnTrack, s.Overdue, s.B6Reported, s.B6Verified, s.B12Reported, s.B12Verified);

    public void Dispose() => _folder.Dispose();
}
