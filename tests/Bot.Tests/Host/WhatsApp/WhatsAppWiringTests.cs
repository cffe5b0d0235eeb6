using System.Net;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>The real Program: the channel is wired in and stays off until configured.</summary>
public sealed class WhatsAppWiringTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task TheHostMapsTheWebhookAndKeepsItOffByDefault()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Storage:DataDirectory", _folder.Path));
        using var client = factory.CreateClient();

        using var get = await client.GetAsync("/api/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1", TestContext.Token);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task TheHostAnswersTheVerificationWhenEnabled()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Storage:DataDirectory", _folder.Path)
            .UseSetting("WhatsApp:Enabled", "true")
            .UseSetting("WhatsApp:VerifyToken", "vt")
            .UseSetting("WhatsApp:AppSecret", "s")
            .UseSetting("WhatsApp:AccessToken", "t")
            .UseSetting("WhatsApp:PhoneNumberId", "1"));
        using var client = factory.CreateClient();

        using var get = await client.GetAsync("/api/whatsapp?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=42", TestContext.Token);

        Assert.Equal("42", await get.Content.ReadAsStringAsync(TestContext.Token));
    }

    public void Dispose() => _folder.Dispose();
}
