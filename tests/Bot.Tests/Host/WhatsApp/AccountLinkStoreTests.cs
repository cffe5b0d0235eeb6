using Bot.Dialogs.Domain;
using Bot.Dialogs.Linking;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Host.WhatsApp;

public sealed class AccountLinkStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void ACodeExpiresAfterTenMinutes()
    {
        using var host = new DialogsHost(_folder.Path);
        var owner = host.Get<IUserStore>().GetOrCreate("directline|a", "A", null);
        var code = host.Get<AccountLinkStore>().Issue(owner.Id, "directline|a");

        host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(LinkOutcome.InvalidOrExpired, host.Get<AccountLinkStore>().Redeem(code, "whatsapp|b").Outcome);
        Assert.Null(host.Get<IUserStore>().FindByAccount("whatsapp|b"));
    }

    [Fact]
    public void CodesAreStoredOnlyAsHashesAndANewCodeReplacesTheOld()
    {
        using var host = new DialogsHost(_folder.Path);
        var owner = host.Get<IUserStore>().GetOrCreate("directline|a", "A", null);
        var links = host.Get<AccountLinkStore>();
        var old = links.Issue(owner.Id, "directline|a");
        var fresh = links.Issue(owner.Id, "directline|a");

        var stored = host.Get<SinergiDatabase>().Collection<LinkCode>("account_link_codes").FindAll().ToList();
        Assert.Single(stored);
        Assert.DoesNotContain(stored, c => c.Id.Contains(fresh, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(AccountLinkStore.CodeLength, fresh.Length);
        Assert.Equal(LinkOutcome.InvalidOrExpired, links.Redeem(old, "whatsapp|b").Outcome);
        Assert.Equal(LinkOutcome.Linked, links.Redeem(fresh, "whatsapp|b").Outcome);
    }

    [Fact]
    public void GuessingIsStoppedAfterFiveWrongCodes()
    {
        using var host = new DialogsHost(_folder.Path);
        var owner = host.Get<IUserStore>().GetOrCreate("directline|a", "A", null);
        var links = host.Get<AccountLinkStore>();
        var code = links.Issue(owner.Id, "directline|a");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LinkOutcome.InvalidOrExpired, links.Redeem("WRONG" + i, "whatsapp|b").Outcome);
        }

        Assert.Equal(LinkOutcome.TooManyAttempts, links.Redeem(code, "whatsapp|b").Outcome);
        host.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(LinkOutcome.TooManyAttempts, links.Redeem(code, "whatsapp|b").Outcome);
    }

    [Fact]
    public void AnAccountWhoseUserHasARoleIsNotMovedAndNothingChanges()
    {
        using var host = new DialogsHost(_folder.Path);
        var users = host.Get<IUserStore>();
        var owner = users.GetOrCreate("directline|a", "A", null);
        var coordinator = users.GetOrCreate("whatsapp|b", "B", null);
        coordinator.Role = Role.Koordinator;
        users.Update(coordinator);
        var links = host.Get<AccountLinkStore>();
        var code = links.Issue(owner.Id, "directline|a");

        Assert.Equal(LinkOutcome.AccountHasRole, links.Redeem(code, "whatsapp|b").Outcome);
        Assert.Equal(coordinator.Id, users.FindByAccount("whatsapp|b")?.Id);
        Assert.Equal(["directline|a"], users.Get(owner.Id)!.Accounts);
    }

    [Fact]
    public void RedeemingFromAnAccountAlreadyLinkedSaysSo()
    {
        using var host = new DialogsHost(_folder.Path);
        var owner = host.Get<IUserStore>().GetOrCreate("directline|a", "A", null);
        var code = host.Get<AccountLinkStore>().Issue(owner.Id, "directline|a");

        Assert.Equal(LinkOutcome.AlreadyLinked, host.Get<AccountLinkStore>().Redeem(code, "directline|a").Outcome);
    }

    public void Dispose() => _folder.Dispose();
}
