using System.Net;
using System.Text.Json;
using Bot.Tests.Support;

namespace Bot.Tests.Reliability;

/// <summary>
/// Readiness covers the regulation index as well as storage (issue 19): a host whose index folder was wiped would
/// answer every question "not covered" while saying ready. It reports <c>knowledge-unavailable</c> with the reason,
/// and a restart rebuilds the index from the pack.
/// </summary>
public sealed class KnowledgeReadinessTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task AWipedIndexMakesTheHostNotReadyAndARestartRebuildsIt()
    {
        await using (var host = new KestrelHost(_data.Path))
        using (var http = host.CreateNetworkClient())
        {
            var (status, body) = await GetReadinessAsync(http);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("ready", body.GetProperty("status").GetString());
            Assert.True(body.GetProperty("knowledge").GetProperty("passages").GetInt32() > 0);

            foreach (var file in Directory.GetFiles(Path.Combine(_data.Path, "knowledge", "index")))
            {
                File.Delete(file);
            }

            (status, body) = await GetReadinessAsync(http);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("knowledge-unavailable", body.GetProperty("status").GetString());
            Assert.False(body.GetProperty("knowledge").GetProperty("ready").GetBoolean());
            Assert.Contains("no committed index", body.GetProperty("knowledge").GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        await using (var host = new KestrelHost(_data.Path))
        using (var http = host.CreateNetworkClient())
        {
            var (status, body) = await GetReadinessAsync(http);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(body.GetProperty("knowledge").GetProperty("passages").GetInt32() > 0);
        }
    }

    public void Dispose() => _data.Dispose();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/readyz", TestContext.Token);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Token));
        return (response.StatusCode, json.RootElement.Clone());
    }
}
