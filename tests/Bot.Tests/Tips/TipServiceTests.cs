using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Tips;

public sealed class TipServiceTests : IDisposable
{
    private const string Sender = "webchat|warga-1";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ASavedTipCanBeLookedUpWithItsCodeAndShowsOnlyItsStatus()
    {
        using var host = new TipsHost(_folder.Path);
        var tips = host.Get<TipService>();

        var saved = await tips.SubmitAsync(Draft(), null, Sender, TestContext.Token);
        var lookup = tips.Lookup(saved.TrackingCode!.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "webchat|someone-else");

        Assert.Equal(TipOutcome.Saved, saved.Outcome);
        Assert.Equal(TipOutcome.Saved, lookup.Outcome);
        Assert.Equal(new TipStatusView(saved.TrackingCode, TipStatus.Baru, new DateOnly(2027, 8, 15), new DateOnly(2027, 8, 15)), lookup.View);
        Assert.Equal(TipOutcome.NotFound, tips.Lookup("TIP-2222-2222", Sender).Outcome);
    }

    [Fact]
    public async Task TheTipsTimesAreRoundedDownToTheHour()
    {
        using var host = new TipsHost(_folder.Path);

        var saved = await host.Get<TipService>().SubmitAsync(Draft(), TestImages.Jpeg(), Sender, TestContext.Token);
        var tip = host.Get<ITipStore>().Get(saved.TrackingCode!)!;
        var file = host.Get<TipDatabase>().Database.Files.FindById(tip.PhotoFileId!);

        var hour = new DateTime(2027, 8, 15, 13, 0, 0, DateTimeKind.Utc);
        Assert.Equal(hour, tip.ReceivedAt);
        Assert.Equal(hour, tip.UpdatedAt);
        Assert.Equal(hour, file.UploadDate.ToUniversalTime());
    }

    [Fact]
    public async Task AReporterCanAddInformationAndCoordinatorsCanChangeTheStatus()
    {
        using var host = new TipsHost(_folder.Path);
        var tips = host.Get<TipService>();
        var saved = await tips.SubmitAsync(Draft(), null, Sender, TestContext.Token);
        host.Time.Advance(TimeSpan.FromDays(2));

        var added = await tips.AddInformationAsync(saved.TrackingCode, "Mobilnya avanza hitam, datang jam 11 malam", TestImages.PngWithMetadata(), "webchat|other-device", TestContext.Token);
        var changed = tips.SetStatus(saved.TrackingCode!, TipStatus.Diproses, "U-koord", "diteruskan ke seksi berantas");

        Assert.Equal(TipOutcome.Saved, added.Outcome);
        var tip = tips.Find(saved.TrackingCode)!;
        var followUp = Assert.Single(tip.FollowUps);
        Assert.Equal("image/png", followUp.PhotoContentType);
        Assert.Equal(TipStatus.Diproses, changed!.Status);
        Assert.Equal("U-koord", Assert.Single(tip.History).CoordinatorId);
        Assert.Equal(TipStatus.Diproses, tips.Lookup(saved.TrackingCode, Sender).View!.Status);
        Assert.Null(tips.SetStatus("TIP-2222-2222", TipStatus.Selesai, "U-koord"));
    }

    [Fact]
    public async Task InvalidDraftsAndUnsupportedPhotosAreRefusedWithoutSaving()
    {
        using var host = new TipsHost(_folder.Path);
        var tips = host.Get<TipService>();

        var empty = await tips.SubmitAsync(Draft() with { Description = "  " }, null, Sender, TestContext.Token);
        var noPlace = await tips.SubmitAsync(Draft() with { Kecamatan = "" }, null, Sender, TestContext.Token);
        var pdf = await tips.SubmitAsync(Draft(), "%PDF-1.4 not a photo"u8.ToArray(), Sender, TestContext.Token);

        Assert.Equal((TipOutcome.Invalid, "description"), (empty.Outcome, empty.Problem));
        Assert.Equal((TipOutcome.Invalid, "kecamatan"), (noPlace.Outcome, noPlace.Problem));
        Assert.Equal(TipOutcome.PhotoRefused, pdf.Outcome);
        Assert.Empty(host.Get<ITipStore>().List());
    }

    [Fact]
    public async Task OneSenderCannotFloodTheTipLineButOthersStillGetThrough()
    {
        using var host = new TipsHost(_folder.Path, new Dictionary<string, string?> { ["Tips:SubmissionsPerWindow"] = "2" });
        var tips = host.Get<TipService>();

        var outcomes = new List<TipOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await tips.SubmitAsync(Draft(), null, Sender, TestContext.Token)).Outcome);
        }

        var other = await tips.SubmitAsync(Draft(), null, "webchat|warga-2", TestContext.Token);
        host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var later = await tips.SubmitAsync(Draft(), null, Sender, TestContext.Token);

        Assert.Equal([TipOutcome.Saved, TipOutcome.Saved, TipOutcome.RateLimited], outcomes);
        Assert.Equal(TipOutcome.Saved, other.Outcome);
        Assert.Equal(TipOutcome.Saved, later.Outcome);
        Assert.Equal(4, host.Get<ITipStore>().List().Count);
    }

    [Fact]
    public async Task GuessingTrackingCodesIsLimited()
    {
        using var host = new TipsHost(_folder.Path, new Dictionary<string, string?> { ["Tips:LookupsPerWindow"] = "3" });
        var tips = host.Get<TipService>();
        var saved = await tips.SubmitAsync(Draft(), null, Sender, TestContext.Token);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TipOutcome.NotFound, tips.Lookup(TrackingCode.New(), "webchat|guesser").Outcome);
        }

        Assert.Equal(TipOutcome.RateLimited, tips.Lookup(saved.TrackingCode, "webchat|guesser").Outcome);
    }

    /// <summary>
    /// Finding 8 of issue 14 (the alert half): coordinators hear of tips on the alert schedule, with a count only, never
    /// from within the reporter's turn (their transcript is in the main file, next to the reporter's turn).
    /// </summary>
    [Fact]
    public async Task CoordinatorsHearACountOfNewTipsAndNothingOfThem()
    {
        using var host = new TipsHost(_folder.Path);
        var users = host.Get<IUserStore>();
        var coordinator = users.GetOrCreate("teams|koord-9", "Koordinator BNNK", "id-ID");
        coordinator.Role = Role.Koordinator;
        users.Update(coordinator);
        await host.Get<TurnProcessor>().ProcessAsync(Some.Message("teams-conv-9", "koord-9", "halo", "teams"), TestContext.Token);

        var saved = await host.Get<TipService>().SubmitAsync(Draft(), null, "webchat|warga-77", TestContext.Token);
        await host.Get<TipService>().SubmitAsync(Draft(), null, "webchat|warga-78", TestContext.Token);
        Assert.Empty(host.Sent.Activities);

        Assert.Equal(2, await host.Get<TipAlerts>().SendDueAsync(TestContext.Token));
        var notice = Assert.Single(host.Sent.Activities);
        Assert.Equal("koord-9", notice.Recipient?.Id);
        Assert.Equal("teams-conv-9", notice.Conversation?.Id);
        Assert.StartsWith("Ada 2 laporan warga", notice.Text, StringComparison.Ordinal);
        foreach (var detail in new[] { "Kandangan", "sabu", "warga-77", saved.TrackingCode! })
        {
            Assert.DoesNotContain(detail, notice.Text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await host.Get<TipAlerts>().SendDueAsync(TestContext.Token));
        await host.Get<TipService>().AddInformationAsync(saved.TrackingCode, "Mobilnya avanza hitam", null, "webchat|warga-77", TestContext.Token);
        Assert.Equal(1, await host.Get<TipAlerts>().SendDueAsync(TestContext.Token));
    }

    private static TipDraft Draft() => new(TipCategory.Peredaran, "Transaksi sabu tiap malam Minggu di belakang pasar", "Kandangan", "Kandangan Kota", "tiap malam Minggu sekitar jam 11");

    public void Dispose() => _folder.Dispose();
}
