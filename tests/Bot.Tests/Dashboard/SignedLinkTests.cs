using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine.Protection;
using Bot.Dialogs.Progress;
using Bot.Dialogs.Storage;
using Bot.Host.Web.SignedLinks;
using Bot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dashboard;

/// <summary>
/// Links signed with Data Protection (issue 19): expiry on the injected clock, purposes kept apart, the key ring in
/// the data folder surviving a restart, and evidence links of the old HMAC format still honoured for their 7 days.
/// </summary>
public sealed class SignedLinkTests
{
    private const string Purpose = "test.purpose";
    private static readonly DateTimeOffset Now = new(2027, 8, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ATokenHoldsItsPayloadUntilItExpiresOnTheInjectedClock()
    {
        var time = new FakeTimeProvider(Now);
        var links = new DataProtectionLinks(new EphemeralDataProtectionProvider(), time);
        var token = links.Protect(Purpose, "isi", Now.AddMinutes(10));

        Assert.Equal(new Unprotected(ProtectedState.Valid, "isi", Now.AddMinutes(10)), links.Unprotect(Purpose, token));
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(ProtectedState.Valid, links.Unprotect(Purpose, token).State);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ProtectedState.Expired, links.Unprotect(Purpose, token).State);
    }

    [Fact]
    public void ATamperedForeignOrGarbledTokenIsInvalid()
    {
        var time = new FakeTimeProvider(Now);
        var links = new DataProtectionLinks(new EphemeralDataProtectionProvider(), time);
        var token = links.Protect(Purpose, "isi", Now.AddMinutes(10));

        for (var i = 0; i < token.Length; i += 7)
        {
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(ProtectedState.Invalid, links.Unprotect(Purpose, tampered).State);
        }

        Assert.Equal(ProtectedState.Invalid, links.Unprotect("other.purpose", token).State);
        Assert.Equal(ProtectedState.Invalid, new DataProtectionLinks(new EphemeralDataProtectionProvider(), time).Unprotect(Purpose, token).State);
        foreach (var garbage in new[] { null, string.Empty, "not a token", "AAAA", new string('A', 5000), token + "." })
        {
            Assert.Equal(ProtectedState.Invalid, links.Unprotect(Purpose, garbage).State);
        }
    }

    [Fact]
    public async Task KeysInTheDataFolderSurviveARestart()
    {
        using var folder = new TempDirectory();
        Uri signIn, evidence;
        using (var before = new DashboardApplication(dataDirectory: folder.Path))
        {
            var seed = DashboardSeed.Plant(before);
            signIn = before.LinkFor(seed.Coordinator);
            evidence = AttachEvidence(before, out _);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, SignedLinksServiceCollectionExtensions.KeysFolder), "key-*.xml"));
        using var after = new DashboardApplication(dataDirectory: folder.Path);
        using var client = after.Client(new CookieContainer());

        Assert.Equal(HttpStatusCode.Redirect, (await DashboardSignInTests.PostTokenAsync(client, new Uri(after.BaseAddress, signIn.PathAndQuery))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(evidence.PathAndQuery, UriKind.Relative), TestContext.Token)).StatusCode);
    }

    [Fact]
    public async Task AnEvidenceLinkOfTheOldFormatWorksForItsSevenDays()
    {
        using var folder = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, LegacyEvidenceLinks.KeyFileName), Convert.ToBase64String(key), TestContext.Token);
        using var app = new DashboardApplication(dataDirectory: folder.Path);
        DashboardSeed.Plant(app);
        AttachEvidence(app, out var file);
        using var client = app.Client();

        // As the chat handed links out before Data Protection: issued a day ago, valid for 7 days from then.
        var legacy = OldFormatLink(file, key, app.Time.GetUtcNow().AddDays(6));
        var forged = OldFormatLink(file, RandomNumberGenerator.GetBytes(32), app.Time.GetUtcNow().AddDays(6));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(legacy, TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(forged, TestContext.Token)).StatusCode);
        app.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(legacy, TestContext.Token)).StatusCode);
    }

    [Fact]
    public async Task WithoutTheOldKeyNoOldFormatLinkIsAccepted()
    {
        using var app = new DashboardApplication();
        DashboardSeed.Plant(app);
        AttachEvidence(app, out var file);
        using var client = app.Client();

        // No Dashboard:SigningKey and no key file: not even a link signed with an all-zero key gets through.
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, LegacyEvidenceLinks.KeyFileName)));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(OldFormatLink(file, new byte[32], app.Time.GetUtcNow().AddDays(1)), TestContext.Token)).StatusCode);
    }

    /// <summary>Stores a photo, attaches it to a submitted report (only those are served) and returns its link.</summary>
    private static Uri AttachEvidence(DashboardApplication app, out EvidenceFile file)
    {
        (file, _) = app.Get<IEvidenceStore>().Store("kegiatan.jpg", "image/jpeg", TestImages.Jpeg());
        var reports = app.Get<IProgressReportStore>();
        var report = reports.ListAll().First(r => r.State == ReportState.Submitted);
        report.Evidence = [.. report.Evidence, file];
        reports.Save(report);
        return app.Get<EvidenceLinks>().UrlFor(file);
    }

    /// <summary>The pre-Data Protection link, written here independently of the product's legacy verifier.</summary>
    private static Uri OldFormatLink(EvidenceFile file, byte[] key, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"evidence|{file.Sha256}|{seconds}")));
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{EvidenceLinks.PathPrefix}{file.Sha256}/kegiatan.jpg?e={seconds}&s={Base64Url.EncodeToString(mac)}"), UriKind.Relative);
    }
}
