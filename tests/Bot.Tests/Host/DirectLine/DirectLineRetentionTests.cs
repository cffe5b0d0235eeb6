using System.Net;
using Bot.Host.Channels.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>Idle conversations are kept at least a day, then deleted with their files.</summary>
public sealed class DirectLineRetentionTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public DirectLineRetentionTests()
    {
        _host = new KestrelHost(_data.Path, new Dictionary<string, string?> { ["DirectLine:ConversationRetention"] = "1.00:00:00" }, _time);
        _http = _host.CreateNetworkClient();
    }

    [Fact]
    public async Task AConversationIdleForLessThanTheRetentionIsKeptAndOneIdleLongerIsDeleted()
    {
        var old = new DirectLineTestClient(_http);
        await old.GenerateAsync();
        await old.StartAsync();
        await old.PollUntilAsync("", 1);

        // A conversation its user wrote in (one never used goes sooner: DirectLineQuotaTests).
        await old.PostMessageAsync("halo", "client-old");
        _ = await old.PollUntilAsync("1", activities => activities.Any(a => Role(a) == "bot"));
        var (transcript, _) = await old.PollAsync("");
        var tokens = _host.Services.GetRequiredService<DirectLineTokens>();

        _time.Advance(TimeSpan.FromHours(23));
        await new DirectLineTestClient(_http).GenerateAsync();
        old.Token = tokens.Issue(old.ConversationId, old.UserId, null).Token;
        var (kept, _) = await old.PollAsync("");
        Assert.Equal(transcript.Count, kept.Count);

        _time.Advance(TimeSpan.FromHours(25));
        await new DirectLineTestClient(_http).GenerateAsync();
        old.Token = tokens.Issue(old.ConversationId, old.UserId, null).Token;
        using var gone = await old.SendAsync(HttpMethod.Get, $"{Base}/conversations/{old.ConversationId}/activities?watermark=");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
