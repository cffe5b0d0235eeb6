using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Enrollment;

public sealed class EnrollmentConversationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task TheAdminCodeMakesTheFirstCoordinatorOnlyOnce()
    {
        using var host = new DialogsHost(_folder.Path);
        var code = host.Get<IAdminCodeStore>().IssueIfUnused();
        Assert.NotNull(code);

        var first = new ConversationDriver(host, "first");
        await first.SayAsync("admin SALAHKODE123", "tidak berlaku");
        await first.SayAsync("admin " + code.ToLowerInvariant(), "Koordinator", "nama");
        await first.SayAsync("Rina Wulandari", "jabatan");
        await first.SayAsync("Kabid P2M BNNK", "Selamat bergabung, Rina Wulandari", "tambah opd");
        await first.SayAsync("siapa saya", "Koordinator", "Rina Wulandari", "Kabid P2M BNNK");

        var second = new ConversationDriver(host, "second");
        await second.SayAsync("admin " + code, "tidak berlaku");
        await second.SayAsync("siapa saya", "Warga");

        Assert.Null(host.Get<IAdminCodeStore>().IssueIfUnused());
    }

    [Fact]
    public async Task AnUnusedAdminCodeIsReplacedAtTheNextStart()
    {
        string old;
        using (var host = new DialogsHost(_folder.Path))
        {
            old = host.Get<IAdminCodeStore>().IssueIfUnused()!;
        }

        using var restarted = new DialogsHost(_folder.Path);
        var fresh = restarted.Get<IAdminCodeStore>().IssueIfUnused();
        Assert.NotNull(fresh);
        var chat = new ConversationDriver(restarted);
        await chat.SayAsync("admin " + old, "tidak berlaku");
        await chat.SayAsync("admin " + fresh, "Koordinator");
    }

    [Fact]
    public async Task AnAccountListedInConfigurationIsACoordinatorFromItsFirstMessage()
    {
        using var host = new DialogsHost(_folder.Path, settings: new Dictionary<string, string?> { ["Bot:Coordinators:0"] = "test|boss" });
        await new ConversationDriver(host, "boss").SayAsync("tambah opd Dinas Sosial (Dinsos) WIT", "Dinas Sosial", "WIT", "tersimpan");
        await new ConversationDriver(host, "other").SayAsync("tambah opd Dinas Lain", "khusus untuk koordinator");
        Assert.Equal(Role.Koordinator, host.Get<IUserStore>().FindByAccount("test|boss")?.Role);
    }

    [Fact]
    public async Task ACoordinatorCreatesListsAndInvitesAndTheFokalJoins()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SayAsync("tambah opd Dinas Kesehatan (Dinkes) WIB", "Dinas Kesehatan", "Dinkes", "WIB", "undang Dinkes");
        await koord.SayAsync("daftar opd", "Dinas Kesehatan", "fokal belum ada");
        var code = await ConversationScenarios.InviteAsync(koord, "dinkes");
        koord.AssertReply("Berlaku sampai 8 Maret 2027 08.00 WIB");

        var fokal = new ConversationDriver(host, "sari");
        await fokal.SayAsync("gabung " + code.ToLowerInvariant(), "fokal Dinas Kesehatan", "nama");
        await fokal.SayAsync("Sari Dewi", "jabatan");
        await fokal.SayAsync("Kasi Promkes", "Selamat bergabung, Sari Dewi", "fokal Dinas Kesehatan", "WIB");
        fokal.AssertSuggests("Rencana aksi saya", "Lapor progres");
        Assert.DoesNotContain("Lanjut", fokal.Suggestions); // the sign-up form just ended: there is no draft to resume
        await fokal.SayAsync("siapa saya", "Fokal", "Dinas Kesehatan", "Sari Dewi", "Kasi Promkes");
        await fokal.SayAsync("bantuan", "sebagai fokal", "*rencana aksi baru*", "*lapor RA-2027-001 B6*");
        await koord.SayAsync("bantuan", "sebagai koordinator", "*verifikasi*", "*belum lapor B6*");
        koord.AssertSuggests("Belum lapor", "Verifikasi", "Dasbor");
        await koord.SayAsync("daftar opd", "fokal Sari Dewi (Kasi Promkes)");

        var user = host.Get<IUserStore>().FindByAccount(fokal.UserKey)!;
        Assert.Equal(Role.Fokal, user.Role);
        Assert.Equal(host.Get<IOrganisationStore>().FindByName("Dinkes")!.Id, user.OrganisationId);
    }

    [Fact]
    public async Task AnInviteCodeExpiresAfterSevenDays()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SendAsync("tambah opd Bappeda");
        var code = await ConversationScenarios.InviteAsync(koord, "Bappeda");
        host.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var fokal = new ConversationDriver(host, "late");
        await fokal.SayAsync("gabung " + code, "tidak berlaku", "kode baru");
        Assert.Equal(Role.Warga, host.Get<IUserStore>().FindByAccount(fokal.UserKey)?.Role);
    }

    [Fact]
    public async Task RefusesCoordinatorCommandsToResidentsAndFokal()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "f1");
        var warga = new ConversationDriver(host, "warga");

        foreach (var chat in new[] { fokal, warga })
        {
            await chat.SayAsync("tambah opd Dinas Baru", "khusus untuk koordinator");
            await chat.SayAsync("daftar opd", "khusus untuk koordinator");
            chat.AssertNoReplyContains("Dinsos");
            await chat.SayAsync("undang Dinsos", "khusus untuk koordinator");
            chat.AssertNoReplyContains("**");
        }

        Assert.Single(host.Get<IOrganisationStore>().ListAll());
    }

    [Fact]
    public async Task ExplainsBadCoordinatorAndJoinInput()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SayAsync("tambah opd", "Tulis nama OPD");
        await koord.SayAsync("tambah opd 🙂🙂", "Tulis nama OPD");
        await koord.SayAsync("tambah opd " + new string('x', 150), "terlalu panjang");
        await koord.SayAsync("tambah opd " + new string('x', 20_000), "belum memahami");
        await koord.SayAsync("tambah opd Dinkes", "tersimpan");
        await koord.SayAsync("tambah opd dinkes", "sudah ada");
        await koord.SayAsync("undang", "Tulis nama");
        await koord.SayAsync("undang Dinas Rahasia", "tidak ditemukan");
        await koord.SayAsync("gabung ABCDEFGH", "koordinator");

        var warga = new ConversationDriver(host, "w");
        await warga.SayAsync("gabung", "kode undangan");
        await warga.SayAsync("gabung 🙂", "tidak berlaku");
        await warga.SayAsync("gabung " + new string('A', 5000), "belum memahami");
        Assert.Single(host.Get<IOrganisationStore>().ListAll());
    }

    public void Dispose() => _folder.Dispose();
}
