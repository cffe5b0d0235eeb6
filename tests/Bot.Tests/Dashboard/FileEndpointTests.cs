using System.Net;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Dashboard;

/// <summary>Evidence files behind the session: images inline, PDFs as downloads, unreferenced files never.</summary>
public sealed class FileEndpointTests
{
    [Fact]
    public async Task ServesReferencedEvidenceWithTheRightDispositionAndNothingElse()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        app.Get<SinergiDatabase>().Files.Upload("stray/secret", "rahasia.txt", new MemoryStream("rahasia"u8.ToArray()));
        using var client = app.Client(new CookieContainer());
        await DashboardSignInTests.PostTokenAsync(client, app.LinkFor(seed.Coordinator));

        var image = await client.GetAsync(new Uri("/dasbor/berkas?id=" + Uri.EscapeDataString(seed.PhotoFileId), UriKind.Relative), TestContext.Token);
        var pdf = await client.GetAsync(new Uri("/dasbor/berkas?id=" + Uri.EscapeDataString(seed.PdfFileId), UriKind.Relative), TestContext.Token);
        var stray = await client.GetAsync(new Uri("/dasbor/berkas?id=stray%2Fsecret", UriKind.Relative), TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(TestImages.Jpeg(), await image.Content.ReadAsByteArrayAsync(TestContext.Token));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("daftar-hadir.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", string.Join(",", pdf.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotFound, stray.StatusCode);
    }
}
