using System.Text.Json;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Dashboard;

/// <summary>"dasbor" in the chat, through the real turn pipeline.</summary>
public sealed class DashboardLinkHandlerTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ACoordinatorGetsAOneTimeLinkAsTextAndAsAButton()
    {
        using var host = new DialogsHost(_folder.Path, settings: new Dictionary<string, string?> { ["Dashboard:PublicBaseUrl"] = "https://sinergi.example.go.id/" });
        var users = host.Get<IUserStore>();
        var coordinator = users.GetOrCreate(TurnProcessor.UserKey("test", "koord-1"), "Rina", "id-ID");
        coordinator.Role = Role.Koordinator;
        users.Update(coordinator);

        var result = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "koord-1", "Dasbor"), TestContext.Token);

        var reply = Assert.Single(result.Replies);
        Assert.Contains("https://sinergi.example.go.id/dasbor/masuk?t=", reply.Text, StringComparison.Ordinal);
        Assert.Contains("sekali", reply.Text, StringComparison.Ordinal);
        var button = Assert.Single(Assert.Single(reply.Attachments!).Content!.Value.GetProperty("buttons").EnumerateArray());
        Assert.Equal("openUrl", button.GetProperty("type").GetString());
        var url = button.GetProperty("value").GetString()!;
        Assert.Contains(url, reply.Text, StringComparison.Ordinal);

        var token = Uri.UnescapeDataString(new Uri(url).Query["?t=".Length..]);
        Assert.Equal(SignInRefusal.None, host.Get<DashboardSignIn>().Check(token));
    }

    [Theory]
    [InlineData(Role.Warga)]
    [InlineData(Role.Fokal)]
    public async Task AnyoneElseIsRefusedWithoutALink(Role role)
    {
        using var host = new DialogsHost(_folder.Path);
        var users = host.Get<IUserStore>();
        var user = users.GetOrCreate(TurnProcessor.UserKey("test", "u1"), "Andi", "id-ID");
        user.Role = role;
        users.Update(user);

        var result = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "dashboard"), TestContext.Token);

        var reply = Assert.Single(result.Replies);
        Assert.Contains("hanya untuk koordinator", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/dasbor/masuk", JsonSerializer.Serialize(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkRedeemedByManyRequestsAtOnceStartsOneSession()
    {
        using var host = new DialogsHost(_folder.Path);
        var users = host.Get<IUserStore>();
        var coordinator = users.GetOrCreate(TurnProcessor.UserKey("test", "koord-2"), "Rina", "id-ID");
        coordinator.Role = Role.Koordinator;
        users.Update(coordinator);
        var url = host.Get<DashboardLinkIssuer>().Issue(coordinator).Url;
        var token = Uri.UnescapeDataString(url.Query["?t=".Length..]);
        var signIn = host.Get<DashboardSignIn>();

        var units = host.Get<UnitOfWorkRunner>();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => units.RunAsync(() => signIn.Redeem(token), TestContext.Token), TestContext.Token)));

        Assert.Single(results, r => r.Accepted);
        Assert.All(results.Where(r => !r.Accepted), r => Assert.Equal(SignInRefusal.AlreadyUsed, r.Refusal));
    }

    public void Dispose() => _folder.Dispose();
}
