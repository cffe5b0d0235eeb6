using System.Text.Json;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;
using Bot.Host.Storage.Postgres;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Storage;

/// <summary>
/// The real host (Program on Kestrel) with <c>Storage:Provider</c> = Postgres: a new person joins an OPD with an
/// invite code and registers a commitment over Direct Line, and everything the conversation made is in PostgreSQL.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresHostTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _data = new();
    private string _watermark = string.Empty;
    private int _sent;

    [Fact]
    public async Task A_person_joins_and_registers_a_commitment_on_postgres()
    {
        var connectionString = server.CreateDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = connectionString,
            ["DirectLine:TokenSigningKey"] = "a-shared-signing-key-of-at-least-32-characters",
        };
        using var host = new KestrelHost(_data.Path, settings, new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero)));
        Assert.IsType<PostgresUserStore>(host.Services.GetRequiredService<IUserStore>());
        var opd = host.Services.GetRequiredService<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "Dinkes", TimeZone = "Asia/Makassar" });
        var invite = host.Services.GetRequiredService<IInviteCodeStore>().Create(opd.Id, "U-koordinator");

        // A Direct Line POST returns before its turn runs, and the first turn waits for the understanding model's
        // training (minutes on a loaded machine, beyond SayAsync's 20 s): wait for the same training here first.
        await Task.Run(host.Services.GetRequiredService<MessageUnderstander>().WarmUp, TestContext.Token);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var client = new DirectLineTestClient(http);
        await client.GenerateAsync();
        await client.StartAsync();
        (_, _watermark) = await client.PollUntilAsync("", 1);

        await SayAsync(client, "gabung " + invite.Id, "nama");
        await SayAsync(client, "Sari Wulandari", "jabatan");
        await SayAsync(client, "Staf Dinkes", "fokal");
        await SayAsync(client, "rencana aksi baru", "fokus");
        await SayAsync(client, "pencegahan", "Program");
        await SayAsync(client, "Sosialisasi", "judul kegiatan");
        await SayAsync(client, "Sosialisasi bahaya narkoba di SMA", "indikator");
        await SayAsync(client, "jumlah siswa yang mengikuti sosialisasi", "target");
        await SayAsync(client, "1.500 orang", "lokasi");
        await SayAsync(client, "Kandangan", "anggaran");
        await SayAsync(client, "lewati", "tenggat");
        await SayAsync(client, "B6", "periode pelaporan");
        await SayAsync(client, "B6", "Ringkasan");
        await SayAsync(client, "ya", "RA-2027-001");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Token);
        var commitment = JsonDocument.Parse(await connection.QuerySingleAsync<string>("select doc::text from commitments")).RootElement;
        Assert.Equal("RA-2027-001", commitment.GetProperty("Code").GetString());
        Assert.Equal("Sosialisasi bahaya narkoba di SMA", commitment.GetProperty("Title").GetString());
        Assert.Equal(opd.Id, commitment.GetProperty("OrganisationId").GetInt32());
        var fokal = JsonDocument.Parse(await connection.QuerySingleAsync<string>("select doc::text from users where doc ->> 'Role' = 'Fokal'")).RootElement;
        Assert.Equal("Sari Wulandari", fokal.GetProperty("Name").GetString());
        Assert.Equal(commitment.GetProperty("CreatedBy").GetString(), fokal.GetProperty("Id").GetString());
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from commitment_versions"));
        Assert.True(await connection.ExecuteScalarAsync<int>("select max(version) from conversation_states") >= 14);
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from conversation_references") >= 1);
        Assert.Contains(fokal.GetProperty("Id").GetString()!, JsonSerializer.Serialize(JsonDocument.Parse(await connection.QuerySingleAsync<string>("select doc::text from invite_codes")).RootElement.GetProperty("UsedBy")), StringComparison.Ordinal);
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from qrtz_cron_triggers") >= 7, "the reminder schedule is in Quartz's clustered store");
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from data_protection_keys") >= 1, "the key ring is in the database");
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from reminder_outbox where commitment_id = @id", new { id = commitment.GetProperty("Id").GetInt32() }) > 0);

        // The Direct Line transcript is in PostgreSQL too (every user message and reply), and readiness asked it.
        Assert.True(await connection.ExecuteScalarAsync<int>("select coalesce(sum(entry_count), 0)::int from directline_transcript") >= 28);
        using var readiness = await http.GetAsync("/readyz", TestContext.Token);
        var storage = JsonDocument.Parse(await readiness.Content.ReadAsStringAsync(TestContext.Token)).RootElement.GetProperty("storage");
        Assert.True(storage.GetProperty("main").GetProperty("available").GetBoolean());
        Assert.True(storage.GetProperty("tips").GetProperty("available").GetBoolean());
    }

    public void Dispose() => _data.Dispose();

    private async Task SayAsync(DirectLineTestClient client, string text, string expected)
    {
        await client.PostMessageAsync(text, "client-" + ++_sent);
        // A turn may answer with several messages: poll (20 s at most) for the one expected.
        var replies = new List<string>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!replies.Any(r => r.Contains(expected, StringComparison.OrdinalIgnoreCase)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"After '{text}' no reply said '{expected}'; the bot said: {string.Join(" / ", replies)}");
            await Task.Delay(100, TestContext.Token);
            var (activities, watermark) = await client.PollAsync(_watermark);
            _watermark = watermark;
            replies.AddRange(activities.Where(a => Role(a) == "bot").Select(Text));
        }
    }
}
