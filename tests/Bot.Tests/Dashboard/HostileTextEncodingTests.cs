using System.Net;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Tests.Support;

namespace Bot.Tests.Dashboard;

/// <summary>
/// Issue 19: the pages are Razor components, so text people typed (an OPD's name, a commitment's title, a tip, a
/// file name, a coordinator's note) is encoded by construction. Every page is fetched over real HTTP with such text
/// planted everywhere, and must show the text while never emitting it as markup.
/// </summary>
public sealed class HostileTextEncodingTests
{
    private const string Hostile = "\"><script>alert(1)</script><img src=x onerror='alert(2)'>";

    [Fact]
    public async Task HostileTextIsShownEncodedOnEveryPage()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        var organisations = app.Get<IOrganisationStore>();
        var opd = organisations.Get(seed.Kesbangpol.Id)!;
        opd.Name = "Badan " + Hostile;
        opd.ShortName = "KB" + Hostile;
        opd.Region = "Kab " + Hostile;
        organisations.Update(opd);
        var commitment = app.Get<ICommitmentStore>().Register(
            new Commitment
            {
                OrganisationId = opd.Id, Year = 2027, FocusArea = FocusArea.Pencegahan, Programme = Programme.Lainnya, Title = "Judul " + Hostile,
                OutputIndicator = "Indikator " + Hostile, TargetValue = 1, Unit = "unit " + Hostile, Location = "Lokasi " + Hostile,
                Deadline = new DateOnly(2027, 12, 15), Periods = [ReportingPeriod.B6],
            },
            seed.Coordinator.Id);
        app.Get<IProgressReportStore>().Save(new ProgressReport
        {
            CommitmentId = commitment.Id, OrganisationId = opd.Id, Period = ReportingPeriod.B6, RealisationValue = 1, RealisationPercent = 100,
            Narrative = "Narasi " + Hostile, ReviewComment = "Catatan " + Hostile, State = ReportState.Submitted, SubmittedBy = seed.Coordinator.Id,
            SubmittedAt = new DateTime(2027, 6, 20, 3, 0, 0, DateTimeKind.Utc),
            Evidence = [new EvidenceFile { FileId = seed.PdfFileId, FileName = "berkas" + Hostile + ".pdf", ContentType = "application/pdf", Size = 15 }],
        });
        var users = app.Get<IUserStore>();
        var coordinator = users.Get(seed.Coordinator.Id)!;
        coordinator.Name = "Rina " + Hostile;
        users.Update(coordinator);
        var tips = app.Get<TipService>();
        var tip = await tips.SubmitAsync(new TipDraft(TipCategory.Peredaran, "Laporan " + Hostile, "Kandangan", "Desa " + Hostile, "malam " + Hostile), null, "test|warga-h", TestContext.Token);
        await tips.AddInformationAsync(tip.TrackingCode, "Tambahan " + Hostile, null, "test|warga-h", TestContext.Token);
        tips.SetStatus(tip.TrackingCode!, TipStatus.Diproses, coordinator.Id, "Catatan " + Hostile);
        using var client = app.Client(new CookieContainer());
        await DashboardSignInTests.PostTokenAsync(client, app.LinkFor(seed.Coordinator));

        string[] pages = ["/dasbor", $"/dasbor/opd/{opd.Id}", "/dasbor/cetak", "/dasbor/laporan-warga", "/dasbor/laporan-warga/" + tip.TrackingCode];
        foreach (var path in pages)
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Token);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
            Assert.Contains(Hostile, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        var opdPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/dasbor/opd/{opd.Id}", UriKind.Relative), TestContext.Token));
        foreach (var planted in new[] { "Badan ", "Kab ", "Judul ", "Indikator ", "unit ", "Lokasi ", "Narasi ", "Catatan ", "berkas", "Rina " })
        {
            Assert.Contains(planted + Hostile, opdPage, StringComparison.Ordinal);
        }

        var tipPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/dasbor/laporan-warga/" + tip.TrackingCode, UriKind.Relative), TestContext.Token));
        foreach (var planted in new[] { "Laporan ", "Desa ", "malam ", "Tambahan ", "Catatan ", "Rina " })
        {
            Assert.Contains(planted + Hostile, tipPage, StringComparison.Ordinal);
        }
    }
}
