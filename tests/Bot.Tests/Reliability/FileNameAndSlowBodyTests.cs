using System.Net;
using System.Net.Sockets;
using System.Text;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 13 of issue 14, two inputs that answered 500: an upload whose file name holds NUL (or another control
/// character) was stored and every GET of it failed; a body that arrives too slowly on <c>/api/messages</c> gave
/// 500 with a stack trace where Direct Line gives 408.
/// </summary>
public sealed class FileNameAndSlowBodyTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public FileNameAndSlowBodyTests()
    {
        _host = new KestrelHost(_data.Path);
        _http = _host.CreateNetworkClient();
    }

    [Theory]
    [InlineData("filename=\"foto\0.png\"")]
    [InlineData("filename*=utf-8''foto%00%07%1B%E2%80%AEgnp.png")]
    public async Task AFileNameWithControlCharactersIsCleanedAndTheFileCanBeServed(string fileName)
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        await client.StartAsync();
        await client.PollUntilAsync("", 1);

        using var upload = await PostRawUploadAsync(client, fileName);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var (log, _) = await client.PollUntilAsync("1", 1);
        var attachment = log[0].GetProperty("attachments")[0];
        var name = attachment.GetProperty("name").GetString()!;
        Assert.DoesNotContain(name, char.IsControl);
        Assert.DoesNotContain('\u202E', name);
        Assert.StartsWith("foto", name, StringComparison.Ordinal);

        using var served = await _http.GetAsync(attachment.GetProperty("contentUrl").GetString(), TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(SampleFiles.Png, await served.Content.ReadAsByteArrayAsync(TestContext.Token));
        Assert.DoesNotContain('\0', served.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task ABodyThatArrivesTooSlowlyIs408WithoutAStackTrace()
    {
        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends a body that stalls.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_host.BaseAddress.Host, _host.BaseAddress.Port, TestContext.Token);
        var stream = tcp.GetStream();
        var head = "POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"type\":\"message\",";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Token);

        var response = await ReadResponseAsync(stream);

        Assert.StartsWith("HTTP/1.1 408", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", response, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }

    /// <summary>A multipart upload written byte for byte, so the file name reaches the server exactly as given.</summary>
    private async Task<HttpResponseMessage> PostRawUploadAsync(DirectLineTestClient client, string fileNameParameter)
    {
        const string Boundary = "----sinergi-test";
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n");
        Text("""{"type":"message","text":"foto","channelData":{"clientActivityID":"c-nul"}}""");
        Text($"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; {fileNameParameter}\r\nContent-Type: image/png\r\n\r\n");
        body.Write(SampleFiles.Png);
        Text($"\r\n--{Boundary}--\r\n");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/upload")
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        request.Headers.Authorization = new("Bearer", client.Token);
        return await _http.SendAsync(request, TestContext.Token);
    }

    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                break; // the server closed the connection after answering
            }

            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var headerEnd = text.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0 && ContentLength(text.ToString()) is { } length && text.Length >= headerEnd + 4 + length)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static int? ContentLength(string response)
    {
        foreach (var line in response.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
