using System.Net.Http.Headers;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Tips;

/// <summary>
/// The tip line through a real channel: the conversation goes through Direct Line's HTTP endpoints on Kestrel
/// (polling, as Web Chat does when sockets are blocked), with an upload of a JPEG carrying EXIF GPS. The client
/// gets every real reply, yet the database keeps only redacted copies of the tip turns and never the photo.
/// </summary>
public sealed partial class TipChannelPrivacyTests : IDisposable
{
    private const string Description = "Gudang kosong dekat dermaga dipakai menimbun sabu setiap Jumat malam";
    private const string ConfidentialMarker = "tidak disimpan";

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ATipOverDirectLineReachesTheClientButLeavesNoReadableTraceInTheDatabase()
    {
        string code;
        string databasePath;
        string tipsPath;
        string userId;
        string conversationId;
        string normalConversation;
        string checkerUserId;
        string checkerConversation;
        using (var host = new KestrelHost(_data.Path))
        {
            databasePath = host.Services.GetRequiredService<SinergiDatabase>().Path;
            tipsPath = host.Services.GetRequiredService<TipDatabase>().Database.Path;
            using var http = host.CreateNetworkClient();
            var chat = new Chat(http);
            await chat.StartAsync();
            userId = chat.Client.UserId;
            conversationId = chat.Client.ConversationId;

            await chat.SayAsync("lapor narkoba", "PP 40/2013");
            await chat.SayAsync("peredaran", "Ceritakan");
            await chat.SayAsync(Description, "kecamatan");
            await chat.SayAsync("Kandangan", "desa");
            await chat.SayAsync("Kandangan Kota", "Kapan");
            await chat.SayAsync("setiap Jumat malam", "foto");
            await chat.UploadAsync(TestImages.JpegWithMetadata(), "Kirim laporan ini?");
            var receipt = await chat.SayAsync("ya", "Kode lacak");
            code = TrackingCodePattern().Match(receipt).Value;
            Assert.NotEmpty(code);

            // The client still reads the real transcript (the overlay), echo of the description included.
            var (all, _) = await chat.Client.PollAsync("0");
            Assert.Contains(all, a => Text(a) == Description);
            Assert.Contains(all, a => Text(a).Contains(code, StringComparison.Ordinal));

            // A status check right after the receipt: its echo is stored redacted from the start; then a normal
            // message, whose echo (stored redacted while the previous turn was confidential) is restored.
            await chat.SayAsync("cek " + code, "Status laporan");
            await chat.SayAsync("halo", string.Empty);

            // What the database holds for this conversation: markers, with the echo's clientActivityID kept.
            var stored = host.Services.GetRequiredService<SinergiDatabase>().Raw.GetCollection("directline_transcript")
                .Find(Query.EQ("ConversationId", conversationId)).SelectMany(d => d["Entries"].AsArray).Select(e => e["Json"].AsString).ToList();
            Assert.DoesNotContain(stored, j => j.Contains(code, StringComparison.Ordinal) || j.Contains(Description[..20], StringComparison.Ordinal));
            Assert.Contains(stored, j => j.Contains("tidak disimpan", StringComparison.Ordinal) && j.Contains("clientActivityID", StringComparison.Ordinal));
            Assert.Contains(stored, j => j.Contains("\"halo\"", StringComparison.Ordinal));

            // A normal conversation is stored as before.
            var normal = new Chat(http);
            await normal.StartAsync();
            normalConversation = normal.Client.ConversationId;
            await normal.SayAsync("bantuan", string.Empty);

            // Another visitor checks the code cold, after a normal message: the echo shows at once with its real
            // text, yet it was never written in clear (the page scan below covers this user too).
            var checker = new Chat(http);
            await checker.StartAsync();
            checkerUserId = checker.Client.UserId;
            checkerConversation = checker.Client.ConversationId;
            await checker.SayAsync("halo", string.Empty);
            await checker.SayAsync("cek " + code, "Status laporan");
            var (checkerLog, _) = await checker.Client.PollAsync("0");
            Assert.Contains(checkerLog, a => Text(a) == "cek " + code && Role(a) == "user");
            Assert.Contains(checkerLog, a => Text(a) == "halo" && Role(a) == "user");

            // While the host runs, every committed page version is still in LiteDB's log file: an echo written in
            // clear and redacted afterwards would be found there.
            var running = DatabaseFileScan.ReadDatabaseFiles(databasePath);
            Assert.False(
                DatabaseFileScan.PageTies(running, [code, Description[..30]], [userId, conversationId, checkerUserId, checkerConversation], out var at),
                $"page at {at} of the running database holds the tip and a Direct Line user");
        }

        var file = DatabaseFileScan.ReadClosedDatabaseFiles(databasePath);
        Assert.False(DatabaseFileScan.Contains(file, TestImages.GpsLatitudeBytes), "GPS latitude found in the database file");
        Assert.False(DatabaseFileScan.Contains(file, TestImages.GpsLongitudeBytes), "GPS longitude found in the database file");
        Assert.False(DatabaseFileScan.Contains(file, Encoding.ASCII.GetBytes(TestImages.CameraMarker)), "camera metadata found in the database file");
        Assert.True(DatabaseFileScan.Contains(file, Encoding.UTF8.GetBytes(userId)), "the Direct Line conversation should be in the file");

        // The main file holds nothing of the tip; the tips' own file holds the tip and nothing of who sent it.
        string[] markers = [code, Description[..30]];
        string[] identifiers = [userId, conversationId, checkerUserId, checkerConversation];
        Assert.DoesNotContain(markers, m => DatabaseFileScan.Contains(file, Encoding.UTF8.GetBytes(m)));
        var tips = DatabaseFileScan.ReadDatabaseFiles(tipsPath);
        Assert.True(DatabaseFileScan.PageTies(tips, markers, markers, out _), "the tip itself should be in the tips' file");
        Assert.DoesNotContain(identifiers, i => DatabaseFileScan.Contains(tips, Encoding.UTF8.GetBytes(i)));
        Assert.False(DatabaseFileScan.Contains(tips, TestImages.GpsLatitudeBytes), "GPS latitude found in the tips' file");

        // After a restart the normal conversation's transcript is still there, readable.
        using (var host = new KestrelHost(_data.Path))
        {
            var log = host.Services.GetRequiredService<SinergiDatabase>().Raw.GetCollection("directline_transcript")
                .Find(Query.EQ("ConversationId", normalConversation)).SelectMany(d => d["Entries"].AsArray).Select(e => e["Json"].AsString).ToList();
            Assert.Contains(log, j => j.Contains("\"bantuan\"", StringComparison.Ordinal));

            // The checker's normal message was settled in full, the check itself only as the marker.
            var checks = host.Services.GetRequiredService<SinergiDatabase>().Raw.GetCollection("directline_transcript")
                .Find(Query.EQ("ConversationId", checkerConversation)).SelectMany(d => d["Entries"].AsArray).Select(e => e["Json"].AsString).ToList();
            Assert.Contains(checks, j => j.Contains("\"halo\"", StringComparison.Ordinal));
            Assert.Contains(checks, j => j.Contains(ConfidentialMarker, StringComparison.Ordinal) && j.Contains("\"role\":\"user\"", StringComparison.Ordinal));
        }
    }


    [GeneratedRegex("TIP-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex TrackingCodePattern();

    public void Dispose() => _data.Dispose();

    /// <summary>A polling Web Chat: posts, then polls until a bot reply containing the expected words arrives.</summary>
    private sealed class Chat(HttpClient http)
    {
        private string _watermark = "0";
        private int _sent;

        public DirectLineTestClient Client { get; } = new(http);

        public async Task StartAsync()
        {
            await Client.GenerateAsync();
            var (status, _) = await Client.StartAsync();
            Assert.Equal(HttpStatusCode.Created, status);
            await WaitForBotAsync(string.Empty);
        }

        public async Task<string> SayAsync(string text, string expected)
        {
            await Client.PostMessageAsync(text, "client-" + ++_sent);
            return await WaitForBotAsync(expected);
        }

        public async Task<string> UploadAsync(byte[] jpeg, string expected)
        {
            using var form = new MultipartFormDataContent();
            var activity = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"type":"message","text":"ini fotonya","channelData":{"clientActivityID":"client-photo","attachmentSizes":[1]}}"""));
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            var file = new ByteArrayContent(jpeg);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "foto.jpg");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{Client.ConversationId}/upload?userId=x") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Client.Token);
            using var response = await http.SendAsync(request, TestContext.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await WaitForBotAsync(expected);
        }

        private async Task<string> WaitForBotAsync(string expected)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var seen = new StringBuilder();
            while (true)
            {
                var (activities, watermark) = await Client.PollAsync(_watermark);
                _watermark = watermark;
                foreach (var activity in activities.Where(a => Role(a) == "bot"))
                {
                    seen.Append(Text(activity)).Append('\n');
                }

                if (seen.Length > 0 && seen.ToString().Contains(expected, StringComparison.Ordinal))
                {
                    return seen.ToString();
                }

                await Task.Delay(100, timeout.Token);
            }
        }
    }
}
