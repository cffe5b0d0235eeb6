using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 7 of issue 14 with kill -9 (bench/crash-test.sh runs it in a loop): residents confirm their tips at the
/// same time, the host is killed, restarted, and every confirmation whose answer was lost is sent again (same
/// activity id). Before, all tips were saved, few receipts were delivered, and the resent confirmation said "Tidak
/// ada yang terkirim" (false), so reporters sent their tips twice. Now, for every resident, the resent confirmation
/// gets the receipt of their own tip (whether its turn had been committed or not) or, when nothing was stored, is told
/// so; no tip is stored twice.
/// </summary>
public sealed partial class TipCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Residents = 12;
    private const string NothingSent = "Tidak ada yang terkirim";
    private static readonly Dictionary<string, string> Settings = new() { ["RateLimit__TurnsPerMinute"] = "0" };
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task AKilledHostNeverLiesAboutATipAndNeverStoresItTwice()
    {
        var before = new ConcurrentDictionary<int, string>();
        using (var host = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token))
        {
            await Task.WhenAll(Enumerable.Range(0, Residents).Select(r => AnswerUntilConfirmAsync(host, r)));

            // Staggered, so that the confirmations do not all share one group commit.
            var confirmations = Enumerable.Range(0, Residents).Select(async r =>
            {
                try
                {
                    await Task.Delay(r * 7, CancellationToken.None);
                    before[r] = await host.SayAsync(Conversation(r), Resident(r), Confirm(r), "ya", CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // Killed: this confirmation's outcome is unknown to the resident.
                }
            }).ToList();

            // Kill as soon as the first receipt arrives: the others are then at every stage of their turns.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (before.IsEmpty && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1, TestContext.Token);
            }

            host.Kill();
            await Task.WhenAll(confirmations);
        }

        var after = new Dictionary<int, string>();
        using (var host = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token))
        {
            foreach (var r in Enumerable.Range(0, Residents).Where(r => !before.ContainsKey(r)))
            {
                after[r] = await host.SayAsync(Conversation(r), Resident(r), Confirm(r), "ya", TestContext.Token);
            }

            host.Kill();
        }

        var stored = StoredTips();
        var recovered = 0;
        var honestlyNothing = 0;
        for (var r = 0; r < Residents; r++)
        {
            var mine = stored.Where(t => t.Description == Description(r)).ToList();
            Assert.True(mine.Count <= 1, $"resident {r}'s tip was stored {mine.Count} times");
            var reply = before.TryGetValue(r, out var first) ? first : after[r];
            var shown = TrackingCodePattern().Match(reply);
            if (shown.Success)
            {
                Assert.Equal(shown.Value, Assert.Single(mine).Id);
                recovered += before.ContainsKey(r) ? 0 : 1;
            }
            else
            {
                Assert.True(reply.Contains(NothingSent, StringComparison.Ordinal), $"resident {r} got neither a receipt nor 'nothing was sent': '{reply}'");
                Assert.Empty(mine);
                honestlyNothing++;
            }
        }

        output.WriteLine($"crash summary: {before.Count} receipts before the kill; after the restart {recovered} confirmations got their saved tip's receipt again, {honestlyNothing} were told truthfully that nothing was sent; {stored.Count} tips stored, none twice");
    }

    public void Dispose() => _data.Dispose();

    private static async Task AnswerUntilConfirmAsync(HostProcess host, int r)
    {
        string[] answers = ["lapor narkoba", "peredaran", Description(r), "Kandangan", "lewati", "lewati", "lewati"];
        string? last = null;
        for (var i = 0; i < answers.Length; i++)
        {
            last = await host.SayAsync(Conversation(r), Resident(r), $"{Conversation(r)}-{i}", answers[i], TestContext.Token);
        }

        Assert.Contains("Kirim laporan ini?", last, StringComparison.Ordinal);
    }

    private List<Tip> StoredTips()
    {
        var storage = Options.Create(new StorageOptions { DataDirectory = _data.Path });
        using var folder = DataFolderLock.Acquire(_data.Path);
        using var tips = new TipDatabase(storage, folder, new StorageFaultInjection(), TimeProvider.System);
        return tips.Database.Collection<Tip>("tips").FindAll().ToList();
    }

    private static string Resident(int r) => $"warga-{r}";

    private static string Conversation(int r) => $"tip-crash-{r}";

    private static string Confirm(int r) => $"confirm-{r}";

    private static string Description(int r) => $"Transaksi sabu di gudang nomor {r} setiap malam Jumat";

    [GeneratedRegex("TIP-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex TrackingCodePattern();
}
