using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Tests.Support;

/// <summary>Common starting points for conversation tests: a coordinator, an OPD, an enrolled fokal.</summary>
public static partial class ConversationScenarios
{
    /// <summary>
    /// A fokal answers the registration form up to its budget question, which is left pending. The legacy state
    /// fixture (Fixtures/LegacyBsonState) was recorded with exactly these answers.
    /// </summary>
    public static async Task AnswerUpToTheBudgetAsync(ConversationDriver fokal)
    {
        await fokal.SendAsync("rencana aksi baru");
        await fokal.SendAsync("pencegahan");
        await fokal.SendAsync("Sosialisasi");
        await fokal.SendAsync("Sosialisasi bahaya narkoba di SMA");
        await fokal.SendAsync("jumlah siswa yang mengikuti sosialisasi");
        await fokal.SendAsync("1.500 orang");
        await fokal.SayAsync("Kandangan", "anggaran");
    }

    /// <summary>A user made coordinator directly in the store (the admin code path has its own tests).</summary>
    public static ConversationDriver Coordinator(DialogsHost host, string userId = "koord", string locale = "id-ID")
    {
        var chat = new ConversationDriver(host, userId, locale: locale);
        var users = host.Get<IUserStore>();
        var user = users.GetOrCreate(chat.UserKey, "Koordinator", locale);
        user.Role = Role.Koordinator;
        users.Update(user);
        return chat;
    }

    /// <summary>
    /// The coordinator creates the OPD (when new) and an invite; the new user joins with it, giving the name
    /// "Fokal &lt;user id&gt;" and the job title "Staf &lt;OPD&gt;".
    /// </summary>
    public static async Task<ConversationDriver> FokalAsync(
        DialogsHost host, ConversationDriver coordinator, string organisation, string userId, string zone = "WITA", string locale = "id-ID")
    {
        if (host.Get<IOrganisationStore>().FindByName(organisation) is null)
        {
            await coordinator.SayAsync($"tambah opd {organisation} {zone}", "tersimpan");
        }

        var code = await InviteAsync(coordinator, organisation);
        var fokal = new ConversationDriver(host, userId, locale: locale);
        var english = locale.StartsWith("en", StringComparison.Ordinal);
        await fokal.SayAsync("gabung " + code, english ? "name" : "nama");
        await fokal.SayAsync("Fokal " + userId, english ? "job title" : "jabatan");
        await fokal.SayAsync("Staf " + organisation, english ? "focal point of" : "fokal");
        return fokal;
    }

    public static async Task<string> InviteAsync(ConversationDriver coordinator, string organisation)
    {
        await coordinator.SendAsync("undang " + organisation);
        var match = InviteCode().Match(coordinator.Text);
        Assert.True(match.Success, coordinator.Text);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\*\*([A-Z0-9]{8})\*\*")]
    private static partial Regex InviteCode();
}
