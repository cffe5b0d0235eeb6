using System.Net;
using System.Net.Http.Headers;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>Web Chat's multipart upload (directline-3.md §3.6): limits, storage, serving, reading by dialogs.</summary>
public sealed class DirectLineUploadTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineUploadTests()
    {
        _host = new KestrelHost(_data.Path, new Dictionary<string, string?> { ["DirectLine:MaxUploadBytes"] = "4096" });
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task AnUploadedPhotoIsEchoedServedAndReadableByDialogs()
    {
        await StartAsync();
        using var response = await UploadAsync(("bukti.png", "image/png", SampleFiles.Png), ("surat.pdf", "application/pdf", SampleFiles.Pdf));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await ReadJsonAsync(response)).GetProperty("id").GetString();

        var (log, _) = await _client.PollUntilAsync("1", 1);
        var echo = log[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("client-up", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("ini buktinya", Text(echo));
        var attachments = echo.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("image/png", attachments[0].GetProperty("contentType").GetString());
        Assert.Equal("bukti.png", attachments[0].GetProperty("name").GetString());
        Assert.Equal("application/pdf", attachments[1].GetProperty("contentType").GetString());

        var url = attachments[0].GetProperty("contentUrl").GetString()!;
        using var served = await _http.GetAsync(url, TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleFiles.Png, await served.Content.ReadAsByteArrayAsync(TestContext.Token));

        var source = _host.Services.GetServices<IAttachmentSource>().Single(s => s.CanOpen(Inbound(), new Attachment { ContentUrl = url }));
        var content = await source.OpenAsync(Inbound(), new Attachment { ContentUrl = url }, 1_000_000, TestContext.Token);
        Assert.Equal("bukti.png", content.FileName);
        Assert.Equal(SampleFiles.Png, content.Bytes);
        await Assert.ThrowsAsync<AttachmentTooLargeException>(() => source.OpenAsync(Inbound(), new Attachment { ContentUrl = url }, 10, TestContext.Token));
        var elsewhere = Inbound() with { Conversation = new ConversationAccount { Id = "another" } };
        await Assert.ThrowsAsync<FileNotFoundException>(() => source.OpenAsync(elsewhere, new Attachment { ContentUrl = url }, 1_000_000, TestContext.Token));
    }

    [Fact]
    public async Task AFileOverTheLimitIs413AndNothingIsPosted()
    {
        await StartAsync();
        using var response = await UploadAsync(("besar.png", "image/png", SampleFiles.PngOfSize(5000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (log, _) = await _client.PollAsync("1");
        Assert.Empty(log);
    }

    [Fact]
    public async Task AFileThatIsNeitherAnImageNorAPdfIs415EvenWhenItClaimsToBe()
    {
        await StartAsync();
        using var script = await UploadAsync(("foto.png", "image/png", "<script>alert(1)</script>"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, script.StatusCode);
        using var mixed = await UploadAsync(("bukti.png", "image/png", SampleFiles.Png), ("notes.txt", "text/plain", "catatan"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, mixed.StatusCode);
        var (log, _) = await _client.PollAsync("1");
        Assert.Empty(log);
    }

    [Fact]
    public async Task AJsonBodyOnTheUploadEndpointIs415()
    {
        await StartAsync();
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/conversations/{_client.ConversationId}/upload", """{"type":"message"}""");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AnUploadWithoutTheActivityPartOrWithoutFilesIs400()
    {
        await StartAsync();
        using var noActivity = await SendFormAsync(form => form.Add(File("image/png", SampleFiles.Png), "file", "a.png"));
        Assert.Equal(HttpStatusCode.BadRequest, noActivity.StatusCode);
        using var noFiles = await SendFormAsync(form => form.Add(ActivityPart("""{"type":"message"}"""), "activity", "blob"));
        Assert.Equal(HttpStatusCode.BadRequest, noFiles.StatusCode);
        using var badActivity = await SendFormAsync(form =>
        {
            form.Add(ActivityPart("{nope"), "activity", "blob");
            form.Add(File("image/png", SampleFiles.Png), "file", "a.png");
        });
        Assert.Equal(HttpStatusCode.BadRequest, badActivity.StatusCode);
    }

    private Activity Inbound() => new()
    {
        Type = "message",
        ChannelId = "directline",
        Conversation = new ConversationAccount { Id = _client.ConversationId },
    };

    private async Task StartAsync()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PollUntilAsync("", 1);
    }

    private Task<HttpResponseMessage> UploadAsync(params (string Name, string Type, byte[] Bytes)[] files) => SendFormAsync(form =>
    {
        form.Add(ActivityPart("""{"type":"message","text":"ini buktinya","channelData":{"clientActivityID":"client-up","attachmentSizes":[1]}}"""), "activity", "blob");
        foreach (var (name, type, bytes) in files)
        {
            form.Add(File(type, bytes), "file", name);
        }
    });

    private async Task<HttpResponseMessage> SendFormAsync(Action<MultipartFormDataContent> fill)
    {
        using var form = new MultipartFormDataContent();
        fill(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{_client.ConversationId}/upload?userId=r_x") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _client.Token);
        return await _http.SendAsync(request, TestContext.Token);
    }

    private static ByteArrayContent ActivityPart(string json)
    {
        var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        return part;
    }

    private static ByteArrayContent File(string type, byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
