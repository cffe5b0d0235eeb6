using Bot.Dialogs.Domain;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Dialogs.Commitments;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dialogs.Enrollment;

/// <summary>
/// Issue 15, "coordinators manage people by name": coordinator invites, single-use and limited invites (the bug of
/// an OPD listing two fokal for one person), fokal by name, removal, and a fokal's transfer (mutasi) that moves
/// their commitments and their reminders to the new fokal.
/// </summary>
public sealed class PeopleManagementTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ACoordinatorInvitesAnotherCoordinatorWithASingleUseCodeAndCanRemoveThem()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SayAsync("undang koordinator", "Kode undangan **koordinator**", "sekali pakai");
        var code = Code(koord.Text);

        var rina = new ConversationDriver(host, "rina");
        await rina.SayAsync("gabung " + code, "sebagai **Koordinator**", "nama");
        await rina.SayAsync("Rina Wulandari", "jabatan");
        await rina.SayAsync("Kasi P2M BNNK", "Selamat bergabung, Rina Wulandari", "Koordinator");

        var other = new ConversationDriver(host, "other");
        await other.SayAsync("gabung " + code, "tidak berlaku", "sudah terpakai");
        Assert.Equal(Role.Warga, host.Get<IUserStore>().FindByAccount(other.UserKey)!.Role);

        await koord.SayAsync("daftar koordinator", "Rina Wulandari (Kasi P2M BNNK)", "Koordinator");
        koord.AssertNoReplyContains("U-");
        await koord.SayAsync("hapus koordinator rina", "Rina Wulandari (Kasi P2M BNNK) bukan lagi koordinator");
        await rina.SayAsync("siapa saya", "Warga", "dicabut");
        await koord.SayAsync("hapus koordinator Koordinator", "koordinator terakhir");
    }

    [Fact]
    public async Task AnInviteIsSingleUseUnlessTheCoordinatorAsksForMoreAndTheSamePersonNeverJoinsTwice()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SayAsync("tambah opd Dinas Sosial (Dinsos)", "tersimpan");
        var single = await ConversationScenarios.InviteAsync(koord, "Dinsos");
        koord.AssertReply("sekali pakai");

        var budi = await JoinAsync(host, "budi", single, "Budi Santoso", "Kasi Rehsos");

        // The same person again (a second tab of the same account) is told, and nothing is used or duplicated.
        var secondTab = new ConversationDriver(host, "budi", conversationId: "budi-tab-2");
        await secondTab.SayAsync("gabung " + single, "sudah terdaftar", "fokal Dinas Sosial", "tidak dipakai");
        var other = new ConversationDriver(host, "sari");
        await other.SayAsync("gabung " + single, "tidak berlaku");

        await koord.SayAsync("undang Dinsos 2 orang", "untuk 2 orang");
        var shared = Code(koord.Text);
        await JoinAsync(host, "sari", shared, "Sari Dewi", "Staf Rehsos");
        await JoinAsync(host, "tono", shared, "Tono", "Staf Linjamsos");
        await new ConversationDriver(host, "eko").SayAsync("gabung " + shared, "tidak berlaku");

        Assert.Equal(3, host.Get<IUserStore>().ListFokal(host.Get<IOrganisationStore>().FindByName("Dinsos")!.Id).Count);
        await koord.SayAsync("fokal dinsos", "Fokal **Dinas Sosial**", "Budi Santoso (Kasi Rehsos)", "Sari Dewi (Staf Rehsos)", "Tono (Staf Linjamsos)");
        koord.AssertNoReplyContains("U-");
        await koord.SayAsync("daftar opd", "fokal Budi Santoso (Kasi Rehsos), Sari Dewi (Staf Rehsos), Tono (Staf Linjamsos)");
        _ = budi;

        // A name that ends in a number is a name, not a count.
        await koord.SayAsync("tambah opd Dinas Uji 0", "tersimpan");
        await koord.SayAsync("undang Dinas Uji 0", "Kode undangan untuk **Dinas Uji 0**", "sekali pakai");
        await koord.SayAsync("undang Dinas Uji 0 3 orang", "Kode undangan untuk **Dinas Uji 0**", "untuk 3 orang");
        await koord.SayAsync("undang Dinsos 99 orang", "paling banyak untuk 50 orang");
    }

    [Fact]
    public async Task OnATransferTheCommitmentsAndTheirRemindersMoveToTheNewFokal()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var budi = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi");
        await CommitmentScript.RegisterAsync(budi, "Sosialisasi sekolah");
        await CommitmentScript.RegisterAsync(budi, "Tes urine ASN");
        var sari = await JoinAsync(host, "sari", await ConversationScenarios.InviteAsync(koord, "Dinsos"), "Sari Dewi", "Staf Rehsos");

        await koord.SayAsync("mutasi Fokal budi ke Sari", "2 rencana aksi", "dari Fokal budi (Staf Dinsos) ke Sari Dewi (Staf Rehsos)", "RA-2027-001, RA-2027-002");

        var users = host.Get<IUserStore>();
        var moved = users.FindByAccount(budi.UserKey)!;
        var taking = users.FindByAccount(sari.UserKey)!;
        Assert.Equal(Role.Warga, moved.Role);
        var commitments = host.Get<ICommitmentStore>();
        foreach (var code in new[] { "RA-2027-001", "RA-2027-002" })
        {
            var commitment = commitments.FindByCode(code)!;
            Assert.Equal(taking.Id, commitment.FokalUserId);
            Assert.Equal([taking.Id], host.Get<RecipientDirectory>().FokalFor(commitment).Select(u => u.Id));
            Assert.Equal("Fokal", commitments.History(commitment.Id)[^1].Change);
        }

        Assert.Contains(host.Get<IReminderOutbox>().All(), r => r.RecipientId == taking.Id && r.Status == ReminderStatus.Pending);
        Assert.DoesNotContain(host.Get<IReminderOutbox>().All(), r => r.RecipientId == moved.Id && r.Status == ReminderStatus.Pending);
        // Both are told, at the latest on their next message.
        await sari.SayAsync("rencana aksi saya", "Anda sekarang memegang rencana aksi RA-2027-001, RA-2027-002", "Sosialisasi sekolah", "Tes urine ASN");
        await budi.SayAsync("rencana aksi baru", "Anda dimutasi dari fokal Dinsos", "khusus untuk fokal");
        Assert.Empty(host.Get<NotificationOutbox>().ListPending());
    }

    [Fact]
    public async Task PeopleAreFoundByNameAndAmbiguityIsExplained()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi1");
        await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "budi2");

        await koord.SayAsync("hapus fokal Fokal", "beberapa orang", "Fokal budi1 (Staf Dinsos) · fokal Dinsos", "Fokal budi2 (Staf Dinkes) · fokal Dinkes");
        await koord.SayAsync("hapus fokal Siapa Saja", "tidak menemukan");
        await koord.SayAsync("mutasi Fokal budi1 ke Fokal budi2", "OPD yang sama");
        await koord.SayAsync("hapus fokal budi2", "bukan lagi fokal");
        await new ConversationDriver(host, "budi1").SayAsync("hapus fokal budi1", "khusus untuk koordinator");
    }

    [Fact]
    public async Task RemovingTheOnlyFokalSaysTheOpdHasNoneLeftAndHowToInviteOne()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var dewi = await ConversationScenarios.FokalAsync(host, koord, "Disdik", "dewi");
        await CommitmentScript.RegisterAsync(dewi, "Sosialisasi sekolah");
        await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi");
        await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "siti");

        await koord.SayAsync("hapus fokal dewi", "bukan lagi fokal", "Ia memegang 1 rencana aksi aktif Disdik", "Disdik kini tidak punya fokal", "*undang Disdik*");
        koord.AssertNoReplyContains("fokal lain");

        // With another fokal left, reminders go to them; without commitments held, only the empty OPD is named.
        await koord.SayAsync("hapus fokal budi", "bukan lagi fokal");
        koord.AssertNoReplyContains("tidak punya fokal");
        await koord.SayAsync("hapus fokal siti", "bukan lagi fokal", "Dinsos kini tidak punya fokal", "*undang Dinsos*");
    }

    [Fact]
    public async Task FokalSinceIsTheLocalDateNotTheUtcOne()
    {
        // 3 December 20:40 UTC is 4 December 04:40 WITA.
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 20, 40, 0, TimeSpan.Zero)));
        var koord = ConversationScenarios.Coordinator(host);
        await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi");

        await koord.SayAsync("fokal Dinsos", "fokal sejak 4 Des 2026");
        koord.AssertNoReplyContains("3 Des 2026");
    }

    private static async Task<ConversationDriver> JoinAsync(DialogsHost host, string account, string code, string name, string title)
    {
        var chat = new ConversationDriver(host, account);
        await chat.SayAsync("gabung " + code, "nama");
        await chat.SayAsync(name, "jabatan");
        await chat.SayAsync(title, "Selamat bergabung, " + name);
        return chat;
    }

    private static string Code(string text) => System.Text.RegularExpressions.Regex.Match(text, @"\*\*([A-Z0-9]{8})\*\*").Groups[1].Value;

    public void Dispose() => _folder.Dispose();
}
