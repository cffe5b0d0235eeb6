using System.Net;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Progress;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Tests.Support;

namespace Bot.Tests.Dashboard;

/// <summary>
/// Issue 15 on the real host: the dashboard names people (an OPD's fokal, who reported, a tip's "diproses oleh"),
/// never their internal ids; and the evidence links the chat gives coordinators serve the file while their signature
/// is ours and fresh, and nothing else.
/// </summary>
public sealed class NamesAndEvidenceLinkTests
{
    [Fact]
    public async Task TheDashboardShowsNamesWhereIdsUsedToBe()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        var users = app.Get<IUserStore>();
        var fokal = users.Get(seed.Fokal.Id)!;
        fokal.Name = "Andi Pratama";
        fokal.JobTitle = "Kasi Promkes";
        users.Update(fokal);
        var reports = app.Get<IProgressReportStore>();
        var report = reports.ListByOrganisation(seed.Dinkes.Id).First(r => r.State == ReportState.Submitted);
        report.SubmittedBy = fokal.Id;
        reports.Save(report);
        var tip = await app.Get<TipService>().SubmitAsync(new TipDraft(TipCategory.Peredaran, "Transaksi di dekat pasar", "Kandangan"), null, "test|warga-n", TestContext.Token);
        app.Get<TipService>().SetStatus(tip.TrackingCode!, TipStatus.Diproses, seed.Coordinator.Id, "Diteruskan ke BNNK");

        using var client = app.Client(new CookieContainer());
        await DashboardSignInTests.PostTokenAsync(client, app.LinkFor(seed.Coordinator));
        var opd = await client.GetStringAsync(new Uri($"/dasbor/opd/{seed.Dinkes.Id}", UriKind.Relative), TestContext.Token);
        var tipPage = await client.GetStringAsync(new Uri("/dasbor/laporan-warga/" + tip.TrackingCode, UriKind.Relative), TestContext.Token);

        Assert.Contains("fokal: Andi Pratama (Kasi Promkes)", opd, StringComparison.Ordinal);
        Assert.Contains("Dilaporkan oleh Andi Pratama (Kasi Promkes)", opd, StringComparison.Ordinal);
        Assert.DoesNotContain(fokal.Id, opd, StringComparison.Ordinal);
        Assert.Contains("oleh Rina Koordinator", tipPage, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Coordinator.Id, tipPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEvidenceLinkServesTheFileWhileItsSignatureIsOursAndFresh()
    {
        using var app = new DashboardApplication();
        DashboardSeed.Plant(app);
        var bytes = TestImages.Jpeg();
        var (file, _) = app.Get<IEvidenceStore>().Store("kegiatan.jpg", "image/jpeg", bytes);
        var (stray, _) = app.Get<IEvidenceStore>().Store("lain.pdf", "application/pdf", "%PDF-1.4\n%lain\n"u8.ToArray());
        var reports = app.Get<IProgressReportStore>();
        var report = reports.ListAll().First(r => r.State == ReportState.Submitted);
        report.Evidence = [.. report.Evidence, file];
        reports.Save(report);
        var links = app.Get<EvidenceLinks>();
        using var client = app.Client();

        var url = links.UrlFor(file);
        using (var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), TestContext.Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(TestContext.Token));
        }

        var tampered = url.PathAndQuery[..^2] + (url.PathAndQuery.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(tampered, UriKind.Relative), TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(links.UrlFor(stray).PathAndQuery, UriKind.Relative), TestContext.Token)).StatusCode);
        var other = url.PathAndQuery.Replace(file.Sha256, stray.Sha256, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(other, UriKind.Relative), TestContext.Token)).StatusCode);

        app.Time.Advance(EvidenceLinks.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), TestContext.Token)).StatusCode);
    }
}
