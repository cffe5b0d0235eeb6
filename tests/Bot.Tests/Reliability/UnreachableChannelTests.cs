using Bot.Dialogs.Domain;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;
using Bot.Host.Channels.BotFramework;
using Bot.Tests.Dialogs.Commitments;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 10 of issue 14: with the fokal's Bot Framework channel unreachable, approving their report committed,
/// but the Connector's exception escaped the notification and the coordinator got the "terjadi kesalahan" apology
/// and lost the verify loop. The real Bot Framework sender is used, against a loopback port nothing listens on.
/// </summary>
public sealed class UnreachableChannelTests : IDisposable
{
    private const string Unreachable = "http://127.0.0.1:9/";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AnApprovalWhoseNoticeCannotBeDeliveredStillEndsWellForTheCoordinator()
    {
        var channel = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:DeliveryMaxAttempts"] = "1",
        }).Build();
        using var host = new DialogsHost(_folder.Path, configure: services =>
        {
            services.AddBotFramework(channel);
            services.AddSingleton<IHostApplicationLifetime>(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        });
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        foreach (var answer in new[] { "lapor RA-2027-001 B6", "30", "Baru sebagian.", "selesai" })
        {
            await fokal.SendAsync(answer);
        }

        // The fokal's last message came through a channel that has gone away since.
        await fokal.SendAsync(fokal.Message("ya") with { ServiceUrl = Unreachable });
        fokal.AssertReply("terkirim");

        await koord.SendAsync("verifikasi");
        await koord.SendAsync("1");
        // The push runs after the approval is saved and fails; the coordinator was told the fokal will be notified.
        await koord.SayAsync("setujui", "disetujui dan dikunci", "akan diberi tahu", "Tidak ada laporan yang menunggu");
        koord.AssertNoReplyContains("terjadi kesalahan");

        Assert.Equal(ReportState.Approved, host.Get<IProgressReportStore>().ListAll().Single().State);
        Assert.Single(host.Get<NotificationOutbox>().ListPending());
        await fokal.SayAsync("halo", "telah disetujui koordinator");
        Assert.Empty(host.Get<NotificationOutbox>().ListPending());
    }

    public void Dispose() => _folder.Dispose();
}
