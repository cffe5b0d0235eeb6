using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Linking;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Dialogs.Linking;

/// <summary>
/// Issue 15: signing in on another device with a one-time code ("kode masuk" where the person is known, or from a
/// coordinator), signing out ("keluar"), over the real pipeline. Each account here is a device or channel.
/// </summary>
public sealed partial class SignInTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AFokalSignsInOnAnotherDeviceWithACodeFromTheFirstAndSignsOutThere()
    {
        var signOuts = new RecordingSignOut();
        using var host = new DialogsHost(_folder.Path, configure: s => s.AddSingleton<IAccountSignOut>(signOuts));
        var koord = ConversationScenarios.Coordinator(host);
        var phone = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi-phone");

        await phone.SayAsync("kode masuk", "Kode masuk untuk **Fokal budi-phone**", "masuk");
        var code = Code(phone.Text);

        var laptop = new ConversationDriver(host, "laptop-device", channelId: "directline");
        await laptop.SayAsync("siapa saya", "Warga");
        await laptop.SayAsync("masuk " + code.ToLowerInvariant(), "Anda masuk sebagai **Fokal budi-phone** (Fokal)");
        laptop.AssertSuggests("Rencana aksi saya", "Lapor progres");
        await laptop.SayAsync("siapa saya", "Fokal", "Dinsos", "Fokal budi-phone");
        await laptop.SayAsync("masuk " + code, "tidak berlaku");

        var person = host.Get<IUserStore>().FindByAccount(phone.UserKey)!;
        Assert.Contains(laptop.UserKey, person.Accounts);

        await laptop.SayAsync("keluar", "Anda sudah keluar, Fokal budi-phone");
        Assert.Contains(laptop.Replies, r => r.ChannelData?.GetProperty("sinergi").GetProperty("signedOut").GetBoolean() == true);
        Assert.Equal([laptop.UserKey], signOuts.SignedOut);
        Assert.DoesNotContain(laptop.UserKey, host.Get<IUserStore>().Get(person.Id)!.Accounts);
        await phone.SayAsync("siapa saya", "Fokal", "Dinsos");
    }

    [Fact]
    public async Task SigningInOnANewDeviceOffersLanjutForAParkedDraft()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var tab = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "siti");
        await tab.SayAsync("rencana aksi baru", "fokus");
        await tab.SayAsync("pemberdayaan", "Program");
        await tab.SayAsync("nanti", "sebagai draf");
        await tab.SayAsync("kode masuk", "Kode masuk untuk");
        var code = Code(tab.Text);

        var phone = new ConversationDriver(host, "siti-phone", channelId: "directline");
        await phone.SayAsync("masuk " + code, "Anda masuk sebagai **Fokal siti**");
        Assert.Equal("Lanjut", phone.Suggestions[0]);
        await phone.SayAsync("lanjut", "Melanjutkan draf", "Program");
    }

    [Fact]
    public async Task TheSignInReplyFitsTheChannel()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var phone = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi");

        await phone.SayAsync("kode masuk", "Kode masuk untuk");
        var terminal = new ConversationDriver(host, "terminal-user", channelId: "console");
        await terminal.SayAsync("masuk " + Code(phone.Text), "Anda masuk sebagai **Fokal budi**", "obrolan terminal", "*logout*", "*keluar* hanya menutup obrolan");
        terminal.AssertNoReplyContains("peramban");
        terminal.AssertNoReplyContains("tab baru");

        await phone.SayAsync("kode masuk", "Kode masuk untuk");
        var whatsapp = new ConversationDriver(host, "6281234", channelId: "whatsapp");
        await whatsapp.SayAsync("masuk " + Code(phone.Text), "Anda masuk sebagai **Fokal budi**", "kanal ini", "*keluar*");
        whatsapp.AssertNoReplyContains("peramban");

        await phone.SayAsync("kode masuk", "Kode masuk untuk");
        var web = new ConversationDriver(host, "web-device", channelId: "directline");
        await web.SayAsync("masuk " + Code(phone.Text), "tab baru", "peramban ditutup", "*keluar*");
    }

    [Fact]
    public async Task ACoordinatorGivesSomeoneACodeWhenTheyHaveNoOtherDevice()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi");

        await koord.SayAsync("kode masuk Fokal budi", "Kode masuk untuk Fokal budi (Staf Dinsos) · fokal Dinsos", "24 jam");
        var code = Code(koord.Text);
        host.Time.Advance(TimeSpan.FromHours(20));
        var newPhone = new ConversationDriver(host, "new-phone");
        await newPhone.SayAsync("masuk " + code, "Anda masuk sebagai **Fokal budi**");

        var warga = new ConversationDriver(host, "warga");
        await warga.SayAsync("kode masuk Fokal budi", "khusus untuk koordinator");
        warga.AssertNoReplyContains("Kode masuk untuk");
    }

    [Fact]
    public async Task ADeviceWithItsOwnRoleMustSignOutBeforeSigningInAsSomeoneElse()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var budi = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "budi");
        var sari = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await budi.SendAsync("kode masuk");
        var code = Code(budi.Text);

        await sari.SayAsync("masuk " + code, "keluar* dulu");
        await sari.SayAsync("siapa saya", "Dinkes");
        await sari.SayAsync("keluar", "sudah keluar");
        await sari.SayAsync("masuk " + code, "Anda masuk sebagai **Fokal budi**");
    }

    [Fact]
    public async Task AnExpiredOrGuessedCodeSignsNobodyIn()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SendAsync("kode masuk");
        var code = Code(koord.Text);
        host.Time.Advance(TimeSpan.FromMinutes(11));

        var stranger = new ConversationDriver(host, "stranger");
        await stranger.SayAsync("masuk " + code, "tidak berlaku");
        for (var i = 0; i < 4; i++)
        {
            await stranger.SayAsync("masuk ABCDEFGH", "tidak berlaku");
        }

        await stranger.SayAsync("masuk ABCDEFGH", "Terlalu banyak kode salah");
        Assert.Equal(Role.Warga, host.Get<IUserStore>().FindByAccount(stranger.UserKey)!.Role);
    }

    private static string Code(string text) => CodePattern().Match(text).Groups[1].Value;

    [GeneratedRegex(@"\*([A-Z0-9]{8})\*")]
    private static partial Regex CodePattern();

    public void Dispose() => _folder.Dispose();

    private sealed class RecordingSignOut : IAccountSignOut
    {
        public List<string> SignedOut { get; } = [];

        public void SignOut(string accountKey) => SignedOut.Add(accountKey);
    }
}
