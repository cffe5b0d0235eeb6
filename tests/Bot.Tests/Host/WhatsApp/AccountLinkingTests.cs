using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Host.WhatsApp;

public sealed partial class AccountLinkingTests : WhatsAppFixture
{
    private const string WhatsAppAccount = "whatsapp|" + Webhook.User;

    [Fact]
    public async Task ACodeFromTheWebMovesTheWhatsAppAccountToThatPerson()
    {
        var host = await StartHostAsync();
        var users = host.Get<IUserStore>();
        var web = users.GetOrCreate("directline|web-u1", "Bu Rina", "id-ID");
        web.Role = Role.Fokal;
        web.OrganisationId = 3;
        users.Update(web);
        var stray = users.GetOrCreate(WhatsAppAccount, "Fokal Satu", null);

        var issued = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("web-c1", "web-u1", "tautkan", "directline"), TestContext.Token);
        var code = Code().Match(Assert.Single(issued.Replies).Text!).Groups[1].Value;
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.link", "tautkan " + code.ToLowerInvariant(), DateTimeOffset.UtcNow)]));
        var reply = Assert.Single(await Graph.WaitForAcceptedAsync(1));

        Assert.Contains("Berhasil", TextBody(reply), StringComparison.Ordinal);
        var linked = users.FindByAccount(WhatsAppAccount);
        Assert.NotNull(linked);
        Assert.Equal(web.Id, linked.Id);
        Assert.Equal(Role.Fokal, linked.Role);
        Assert.Equal(3, linked.OrganisationId);
        Assert.Equal(["directline|web-u1", WhatsAppAccount], linked.Accounts);
        Assert.Null(users.Get(stray.Id));

        // One-time: the same code from yet another account does nothing.
        var reuse = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("teams-c1", "teams-u1", "tautkan " + code, "msteams"), TestContext.Token);
        Assert.Contains("tidak berlaku", Assert.Single(reuse.Replies).Text, StringComparison.Ordinal);
        // Every sender has a user from the first turn (the router creates it), but this one stays its own person.
        Assert.NotEqual(web.Id, users.FindByAccount("msteams|teams-u1")?.Id);
        Assert.Equal(["directline|web-u1", WhatsAppAccount], users.Get(web.Id)!.Accounts);
    }

    [GeneratedRegex(@"\*([A-Z0-9]{8})\*")]
    private static partial Regex Code();
}
