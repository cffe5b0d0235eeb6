using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Dialogs.Commitments;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Engine;

/// <summary>
/// Finding 6 of issue 14: roles were checked when a dialog started, not at each step, so in a group conversation a
/// fokal answered the coordinator's open verify prompt and approved their own report. The engine now checks, at
/// every step, that the acting user holds the role the dialog requires and is the user who started it; in a group
/// conversation each member has their own dialog state.
/// </summary>
public sealed class StepAuthorisationTests : IDisposable
{
    private const string Group = "group-kesbangpol";
    private readonly TempDirectory _folder = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // a channel that does not mark group conversations
    public async Task AFokalCannotAnswerTheCoordinatorsVerifyPromptInASharedConversation(bool markedAsGroup)
    {
        using var host = new DialogsHost(_folder.Path);
        var (koord, fokal) = await SubmittedReportAsync(host);

        await Say(koord, "verifikasi", markedAsGroup);
        koord.AssertReply("menunggu verifikasi");
        await Say(fokal, "1", markedAsGroup);
        await Say(fokal, "setujui", markedAsGroup);
        fokal.AssertNoReplyContains("disetujui dan dikunci");
        Assert.Equal(ReportState.Submitted, Report(host).State);

        // The coordinator's own form is where they left it.
        await Say(koord, "1", markedAsGroup);
        koord.AssertReply("keputusan");
        await Say(fokal, "setujui", markedAsGroup);
        Assert.Equal(ReportState.Submitted, Report(host).State);
        if (!markedAsGroup)
        {
            fokal.AssertReply("pengguna lain");
        }

        await Say(koord, "setujui", markedAsGroup);
        koord.AssertReply("disetujui dan dikunci");
        Assert.Equal("koord", host.Get<IUserStore>().Get(Report(host).ReviewedBy!)?.Accounts.Single().Split('|')[1]);
    }

    [Fact]
    public async Task ACoordinatorWhoLostTheRoleMidDialogCannotFinishIt()
    {
        using var host = new DialogsHost(_folder.Path);
        var (koord, _) = await SubmittedReportAsync(host);
        await koord.SayAsync("verifikasi", "menunggu verifikasi");
        await koord.SayAsync("1", "keputusan");

        var users = host.Get<IUserStore>();
        var demoted = users.FindByAccount(koord.UserKey)!;
        demoted.Role = Role.Warga;
        users.Update(demoted);

        await koord.SayAsync("setujui", "khusus untuk koordinator");
        Assert.Equal(ReportState.Submitted, Report(host).State);
        Assert.Empty(host.Get<IConversationStateStore>().Load("test|" + koord.ConversationId).Stack);
    }

    [Fact]
    public async Task AFokalWhoLeftTheirRoleMidFormSavesNothing()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        foreach (var answer in new[] { "rencana aksi baru", "Pencegahan", "Sosialisasi", "Kegiatan uji", "jumlah peserta", "100 orang", "Kandangan", "lewati", "30/6", "B6 dan B12" })
        {
            await fokal.SendAsync(answer);
        }

        var users = host.Get<IUserStore>();
        var user = users.FindByAccount(fokal.UserKey)!;
        user.Role = Role.Warga;
        user.OrganisationId = null;
        users.Update(user);

        // The engine refuses the step before the dialog's own last check runs.
        await fokal.SayAsync("ya", "khusus untuk fokal", "peran Anda saat ini bukan fokal");
        Assert.Empty(host.Get<ICommitmentStore>().ListAll());
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<(ConversationDriver Koord, ConversationDriver Fokal)> SubmittedReportAsync(DialogsHost host)
    {
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        foreach (var answer in new[] { "lapor RA-2027-001 B6", "30", "Baru sebagian.", "selesai" })
        {
            await fokal.SendAsync(answer);
        }

        await fokal.SayAsync("ya", "terkirim");
        return (koord, fokal);
    }

    private static ProgressReport Report(DialogsHost host) => host.Get<IProgressReportStore>().ListAll().Single();

    /// <summary>The message as it arrives from the shared (group) conversation.</summary>
    private static Task<IReadOnlyList<Activity>> Say(ConversationDriver chat, string text, bool markedAsGroup) =>
        chat.SendAsync(chat.Message(text) with { Conversation = new ConversationAccount { Id = Group, IsGroup = markedAsGroup ? true : null } });
}
