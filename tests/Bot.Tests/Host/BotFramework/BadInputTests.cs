using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Host.BotFramework;

/// <summary>Hostile and broken bodies get a 4xx problem response, never a 5xx, and nothing is processed.</summary>
public sealed class BadInputTests
{
    private const string Valid =
        """{"type":"message","id":"m1","channelId":"test","serviceUrl":"https://test.example/","from":{"id":"u1"},"recipient":{"id":"bot"},"conversation":{"id":"c1"},"text":"bantuan"}""";

    public static TheoryData<string, string, int> Corpus => new()
    {
        { "empty body", "", 400 },
        { "truncated object", """{"type":"message","channelId":"te""", 400 },
        { "only a brace", "{", 400 },
        { "not JSON", "type=message&text=hi", 400 },
        { "JSON null", "null", 400 },
        { "array", "[" + Valid + "]", 400 },
        { "number", "42", 400 },
        { "string", "\"message\"", 400 },
        { "type is a number", Valid.Replace("\"type\":\"message\"", "\"type\":5", StringComparison.Ordinal), 400 },
        { "conversation is a string", Valid.Replace("{\"id\":\"c1\"}", "\"c1\"", StringComparison.Ordinal), 400 },
        { "from is an array", Valid.Replace("{\"id\":\"u1\"}", "[\"u1\"]", StringComparison.Ordinal), 400 },
        { "membersAdded is an object", Valid.Replace("\"text\"", "\"membersAdded\":{\"id\":\"u1\"},\"text\"", StringComparison.Ordinal), 400 },
        { "timestamp is not a date", Valid.Replace("\"text\"", "\"timestamp\":\"yesterday\",\"text\"", StringComparison.Ordinal), 400 },
        { "suggested actions are a string", Valid.Replace("\"text\"", "\"suggestedActions\":{\"actions\":\"x\"},\"text\"", StringComparison.Ordinal), 400 },
        { "nesting beyond the limit", Valid.Replace("\"text\"", "\"channelData\":" + Nested(40) + ",\"text\"", StringComparison.Ordinal), 400 },
        { "very deep nesting", Valid.Replace("\"text\"", "\"value\":" + Nested(20_000) + ",\"text\"", StringComparison.Ordinal), 400 },
        { "no type", Valid.Replace("\"type\":\"message\",", "", StringComparison.Ordinal), 400 },
        { "blank type", Valid.Replace("\"type\":\"message\"", "\"type\":\" \"", StringComparison.Ordinal), 400 },
        { "no channelId", Valid.Replace("\"channelId\":\"test\",", "", StringComparison.Ordinal), 400 },
        { "no conversation id", Valid.Replace("{\"id\":\"c1\"}", "{}", StringComparison.Ordinal), 400 },
        { "no from", Valid.Replace("\"from\":{\"id\":\"u1\"},", "", StringComparison.Ordinal), 400 },
        { "no serviceUrl", Valid.Replace("\"serviceUrl\":\"https://test.example/\",", "", StringComparison.Ordinal), 400 },
        { "serviceUrl not http", Valid.Replace("https://test.example/", "ftp://test.example/", StringComparison.Ordinal), 400 },
        { "serviceUrl relative", Valid.Replace("https://test.example/", "/v3/", StringComparison.Ordinal), 400 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BrokenBodiesAreRefusedWithAProblem(string description, string body, int expected)
    {
        await using var app = new BotApplication();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await PostAsync(app.CreateClient(), content);

        Assert.True((int)response.StatusCode == expected, $"{description}: got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(app.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("test", "c1"));
    }

    [Fact]
    public async Task InvalidUtf8IsRefusedWith400()
    {
        await using var app = new BotApplication();
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        var text = Encoding.UTF8.GetBytes("bantuan");
        var at = IndexOf(bytes, text);
        bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF });
        using var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await PostAsync(app.CreateClient(), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["BotFramework:MaxRequestBytes"] = "4096" });
        var big = Some.Message("c1", "u1", new string('x', 5000)).ExpectingReplies();

        var response = await PostAsync(app.CreateClient(), big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsRefusedWith413()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["BotFramework:MaxRequestBytes"] = "4096" });
        var json = JsonSerializer.Serialize(Some.Message("c1", "u1", new string('x', 5000)).ExpectingReplies(), ActivityJson.Options);
        // A stream of unknown length is sent without Content-Length, so only the reader's own limit can stop it.
        using var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await PostAsync(app.CreateClient(), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitIsAccepted()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["BotFramework:MaxRequestBytes"] = "4096" });
        var response = await PostAsync(app.CreateClient(), Some.Message("c1", "u1", new string('x', 3000)).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static int IndexOf(List<byte> haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Count - needle.Length).First(i => haystack.Skip(i).Take(needle.Length).SequenceEqual(needle));

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
