using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 7 of issue 14, made deterministic: the tip is committed in its own file, then the turn that shows the
/// receipt is not (the main file cannot write), then the process ends, losing the draft held in memory. The
/// confirmation sent again gets the same receipt, and the tip is stored once; before, it was told "Tidak ada yang
/// terkirim" (false), and a resubmission stored the tip twice. TipCrashTests does the same with kill -9.
/// </summary>
public sealed class TipReceiptTests : IDisposable
{
    private const string Resident = "warga-struk";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AConfirmationSentAgainAfterTheTipWasSavedGetsTheSameReceipt()
    {
        var confirm = Some.Message("conv-" + Resident, Resident, "ya") with { Id = "confirm-1" };
        string code;
        using (var host = new DialogsHost(_folder.Path))
        {
            var chat = new ConversationDriver(host, Resident);
            await AnswerUntilConfirmAsync(chat);

            var faults = host.Get<StorageFaultInjection>();
            faults.OnlyFile = "sinergi.db";
            faults.DiskFull = true;
            var failed = await host.Get<TurnProcessor>().ProcessAsync(confirm, TestContext.Token);

            Assert.Equal(TurnStatus.Failed, failed.Status);
            Assert.Contains("belum bisa saya simpan", failed.Replies.Single().Text, StringComparison.Ordinal);
            code = Assert.Single(host.Get<ITipStore>().List()).Id;
        }

        // A new process: the draft in memory is gone, the dialog's saved frame still waits for the confirmation.
        using (var host = new DialogsHost(_folder.Path))
        {
            var again = await host.Get<TurnProcessor>().ProcessAsync(confirm, TestContext.Token);

            var text = string.Join("\n", again.Replies.Select(r => MarkdownText.Unescape(r.Text)));
            Assert.Equal(TurnStatus.Completed, again.Status);
            Assert.Contains("Kode lacak Anda: **" + code + "**", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Tidak ada yang terkirim", text, StringComparison.Ordinal);
            Assert.Single(host.Get<ITipStore>().List());

            Assert.Empty(host.Get<IConversationStateStore>().Load("test|conv-" + Resident).Stack);

            // The channel repeats the same activity once more (its answer lost again): the turn does not run again,
            // the receipt comes back, and it is a confidential reply.
            var repeated = await host.Get<TurnProcessor>().ProcessAsync(confirm, TestContext.Token);
            Assert.True(repeated.Confidential);
            Assert.Contains(code, MarkdownText.Unescape(repeated.Replies.Single().Text), StringComparison.Ordinal);
            Assert.Single(host.Get<ITipStore>().List());

            // Two hours later the receipt is gone: a repeat is just a repeat.
            host.Time.Advance(TimeSpan.FromHours(2));
            Assert.Equal(TurnStatus.Duplicate, (await host.Get<TurnProcessor>().ProcessAsync(confirm, TestContext.Token)).Status);
        }
    }

    [Fact]
    public async Task AConfirmationWhoseTipWasNeverSavedIsToldSoHonestly()
    {
        using (var host = new DialogsHost(_folder.Path))
        {
            await AnswerUntilConfirmAsync(new ConversationDriver(host, Resident));
        }

        using (var host = new DialogsHost(_folder.Path))
        {
            var chat = new ConversationDriver(host, Resident);
            await chat.SayAsync("ya", "Tidak ada yang terkirim");
            Assert.Empty(host.Get<ITipStore>().List());
        }
    }

    public void Dispose() => _folder.Dispose();

    private static async Task AnswerUntilConfirmAsync(ConversationDriver chat)
    {
        await chat.SayAsync("lapor narkoba", "Apa yang ingin");
        await chat.SayAsync("peredaran", "Ceritakan");
        await chat.SayAsync("Transaksi sabu di gudang belakang pasar tiap malam", "kecamatan");
        await chat.SayAsync("Kandangan", "desa");
        await chat.SayAsync("lewati", "Kapan");
        await chat.SayAsync("lewati", "foto");
        await chat.SayAsync("lewati", "Kirim laporan ini?");
    }
}
