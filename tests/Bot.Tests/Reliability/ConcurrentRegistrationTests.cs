using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Reliability;

/// <summary>
/// Many fokal confirming their commitments at the same moment (what the load benchmark does at 16 concurrent
/// conversations): every one is saved, each under its own code.
/// </summary>
public sealed class ConcurrentRegistrationTests : IDisposable
{
    private const int Fokals = 12;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task SimultaneousConfirmationsAllSaveWithDistinctCodes()
    {
        using var host = new DialogsHost(_folder.Path);
        var coordinator = ConversationScenarios.Coordinator(host);
        var fokals = new List<ConversationDriver>();
        for (var i = 0; i < Fokals; i++)
        {
            var fokal = await ConversationScenarios.FokalAsync(host, coordinator, $"Dinas {i}", $"fokal{i}");
            foreach (var answer in new[] { "rencana aksi baru", "Pencegahan", "Sosialisasi", $"Kegiatan {i}", "jumlah peserta", "100 orang", "Kandangan", "lewati", "30/6" })
            {
                await fokal.SendAsync(answer);
            }

            await fokal.SayAsync("B6 dan B12", "Ringkasan");
            fokals.Add(fokal);
        }

        using var start = new Barrier(Fokals);
        await Task.WhenAll(fokals.Select(f => Task.Run(
            async () =>
            {
                start.SignalAndWait(TestContext.Token);
                await f.SendAsync("ya");
            },
            TestContext.Token)));

        Assert.All(fokals, f => f.AssertReply("Tersimpan sebagai"));
        var codes = host.Get<ICommitmentStore>().ListAll().Select(c => c.Code).ToList();
        Assert.Equal(Fokals, codes.Count);
        Assert.Equal(Fokals, codes.Distinct().Count());
    }

    public void Dispose() => _folder.Dispose();
}
