using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// The coordinator's people commands: "undang koordinator [N orang]", "daftar koordinator", "fokal &lt;opd&gt;",
/// "hapus fokal|koordinator &lt;nama&gt;" and "mutasi &lt;fokal lama&gt; ke &lt;fokal baru&gt;" (the commitments move to
/// the new fokal, the old one leaves the role). People are named, never shown by id.
/// </summary>
internal sealed partial class PeopleCommands(
    UserStore users,
    OrganisationStore organisations,
    InviteCodeStore invites,
    CommitmentStore commitments,
    PeopleDirectory people,
    NotificationOutbox notices,
    SinergiDatabase database,
    TimeProvider time) : ITurnHandler
{
    private static readonly string[] InviteCoordinatorWords = ["undang koordinator", "invite coordinator"];
    private static readonly string[] ListCoordinatorWords = ["daftar koordinator", "list coordinators", "koordinator"];
    private static readonly string[] FokalWords = ["fokal", "daftar fokal", "focal points", "focal point"];
    private static readonly string[] RemoveFokalWords = ["hapus fokal", "cabut fokal", "remove focal point", "remove focal"];
    private static readonly string[] RemoveCoordinatorWords = ["hapus koordinator", "cabut koordinator", "remove coordinator"];

    /// <summary>Before the OPD commands (20): "undang koordinator" is not an OPD called "koordinator".</summary>
    public int Order => 19;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        Action<TurnContext, string>? command =
            CommandText.TryMatch(text, InviteCoordinatorWords, out var argument) ? InviteCoordinator
            : CommandText.IsExactly(text, ListCoordinatorWords) ? (t, _) => ListCoordinators(t)
            : CommandText.TryMatch(text, RemoveFokalWords, out argument) ? (t, a) => Remove(t, a, Role.Fokal)
            : CommandText.TryMatch(text, RemoveCoordinatorWords, out argument) ? (t, a) => Remove(t, a, Role.Koordinator)
            : CommandText.TryMatch(text, FokalWords, out argument) ? ListFokal
            : text.Length <= CommandText.MaxLength && TransferPattern().Match(text) is { Success: true } transfer ? (t, _) => Transfer(t, transfer.Groups["from"].Value, transfer.Groups["to"].Value)
            : null;
        if (command is null)
        {
            return Task.FromResult(false);
        }

        if (Access.RequireCoordinator(turn, out _))
        {
            command(turn, argument);
        }

        return Task.FromResult(true);
    }

    private void InviteCoordinator(TurnContext turn, string argument)
    {
        var uses = InviteUses.Parse(argument, out var rest);
        if (rest.Length > 0 || uses is null)
        {
            turn.SendText(PeopleTexts.InviteCoordinatorUsage);
            return;
        }

        var code = invites.Create(0, turn.User!.Id, Role.Koordinator, uses.Value);
        turn.SendText(turn.F(PeopleTexts.CoordinatorInvited, code.Id, InviteUses.Describe(turn, code.MaxUses), Expiry(turn, code)));
    }

    private void ListCoordinators(TurnContext turn)
    {
        var english = turn.IsEnglish;
        var lines = users.ListCoordinators().OrderBy(u => u.DisplayName(english), StringComparer.OrdinalIgnoreCase).Select(u => "- " + u.Label(english));
        turn.SendText(turn.T(PeopleTexts.CoordinatorsHeader) + "\n\n" + string.Join("\n", lines) + "\n\n" + turn.T(PeopleTexts.CoordinatorsFooter));
    }

    private void ListFokal(TurnContext turn, string argument)
    {
        if (argument.Length == 0)
        {
            turn.SendText(PeopleTexts.FokalUsage);
            return;
        }

        var organisation = organisations.FindByName(argument);
        if (organisation is null)
        {
            turn.SendText(turn.F(CoordinatorTexts.UnknownOrganisation, Shorten(argument)));
            return;
        }

        var english = turn.IsEnglish;
        var fokal = users.ListFokal(organisation.Id).OrderBy(f => f.DisplayName(english), StringComparer.OrdinalIgnoreCase).ToList();
        if (fokal.Count == 0)
        {
            turn.SendText(turn.F(PeopleTexts.NoFokal, organisation.Name, organisation.ShortName));
            return;
        }

        var active = commitments.ListByOrganisation(organisation.Id).Where(c => c.Status != CommitmentStatus.Cancelled).ToList();
        var lines = fokal.Select(f => turn.F(
            PeopleTexts.FokalLine, f.Label(english), active.Count(c => c.ResponsibleUserId() == f.Id),
            f.RoleSince is { } since ? LocalDate(since, turn.TimeZone, english) : "-"));
        turn.SendText(turn.F(PeopleTexts.FokalHeader, organisation.Name) + "\n\n" + string.Join("\n", lines) + "\n\n" + turn.T(PeopleTexts.FokalFooter));
    }

    private void Remove(TurnContext turn, string argument, Role role)
    {
        var english = turn.IsEnglish;
        if (argument.Length == 0)
        {
            turn.SendText(role == Role.Fokal ? PeopleTexts.RemoveFokalUsage : PeopleTexts.RemoveCoordinatorUsage);
            return;
        }

        if (Resolve(turn, argument, u => u.Role == role) is not { } person)
        {
            return;
        }

        if (role == Role.Koordinator && users.ListCoordinators().Count <= 1)
        {
            turn.SendText(PeopleTexts.LastCoordinator);
            return;
        }

        var organisation = person.OrganisationId is { } id ? organisations.Get(id) : null;
        var held = organisation is null ? 0 : commitments.ListByOrganisation(organisation.Id).Count(c => c.Status == CommitmentStatus.Active && c.ResponsibleUserId() == person.Id);
        var label = person.Label(english);
        database.InTransaction(() =>
        {
            var stored = users.Get(person.Id)!;
            stored.Role = Role.Warga;
            stored.OrganisationId = null;
            stored.RoleSince = time.GetUtcNow().UtcDateTime;
            users.Update(stored);
            notices.Enqueue(stored.Id, PeopleTexts.NoticeRemoved.Format(stored.Locale, Access.RoleName(role, LocalizedText.IsEnglish(stored.Locale)).ToLowerInvariant(), turn.User!.DisplayName(LocalizedText.IsEnglish(stored.Locale))));
        });
        var text = turn.F(PeopleTexts.Removed, label, Access.RoleName(role, english).ToLowerInvariant());
        if (organisation is not null)
        {
            var name = organisation.ShortName is { Length: > 0 } s ? s : organisation.Name;
            var alone = users.ListFokal(organisation.Id).Count == 0;
            if (held > 0)
            {
                text += "\n\n" + turn.F(alone ? PeopleTexts.RemovedHeldNoFokalLeft : PeopleTexts.RemovedHeld, held, name);
            }
            else if (alone)
            {
                text += "\n\n" + turn.F(PeopleTexts.NoFokalLeft, name);
            }
        }

        turn.SendText(text);
    }

    /// <summary>A fokal moves on (mutasi): their commitments pass to the new fokal of the same OPD, who gets the reminders.</summary>
    private void Transfer(TurnContext turn, string from, string to)
    {
        var english = turn.IsEnglish;
        if (Resolve(turn, from, u => u.IsFokal) is not { } leaving || Resolve(turn, to, u => u.IsFokal) is not { } taking)
        {
            return;
        }

        if (leaving.Id == taking.Id || leaving.OrganisationId != taking.OrganisationId)
        {
            turn.SendText(turn.F(PeopleTexts.TransferOtherOrganisation, leaving.Label(english), taking.Label(english)));
            return;
        }

        var organisation = organisations.Get(leaving.OrganisationId!.Value)!;
        var moved = database.InTransaction(() =>
        {
            var codes = new List<string>();
            foreach (var commitment in commitments.ListByOrganisation(organisation.Id).Where(c => c.Status != CommitmentStatus.Cancelled && c.ResponsibleUserId() == leaving.Id))
            {
                commitments.Change(commitment.Id, "Fokal", c => c.FokalUserId = taking.Id, c => users.Get(c.ResponsibleUserId())?.DisplayName(english: false), turn.User!.Id);
                codes.Add(commitment.Code);
            }

            var stored = users.Get(leaving.Id)!;
            stored.Role = Role.Warga;
            stored.OrganisationId = null;
            stored.RoleSince = time.GetUtcNow().UtcDateTime;
            users.Update(stored);
            var list = codes.Count == 0 ? "-" : string.Join(", ", codes);
            notices.Enqueue(taking.Id, PeopleTexts.NoticeTakenOver.Format(taking.Locale, list, leaving.DisplayName(LocalizedText.IsEnglish(taking.Locale)), organisation.Name));
            notices.Enqueue(stored.Id, PeopleTexts.NoticeTransferred.Format(stored.Locale, organisation.Name, taking.DisplayName(LocalizedText.IsEnglish(stored.Locale)), list));
            return codes;
        });
        turn.SendText(turn.F(
            PeopleTexts.Transferred, moved.Count, leaving.Label(english), taking.Label(english), organisation.Name,
            moved.Count == 0 ? "-" : string.Join(", ", moved)));
    }

    /// <summary>One person by name, or a message (nobody, or which of several) and null.</summary>
    private BotUser? Resolve(TurnContext turn, string query, Func<BotUser, bool> filter)
    {
        var match = people.Find(query, filter);
        if (match.Person is { } person)
        {
            return person;
        }

        var english = turn.IsEnglish;
        turn.SendText(match.Candidates.Count == 0
            ? turn.F(PeopleTexts.NobodyCalled, Shorten(query))
            : turn.F(PeopleTexts.WhichOne, Shorten(query), new Markdown(string.Join("\n", match.Candidates.Take(10).Select(c => "- " + MarkdownText.Escape(people.Describe(c, english)))))));
        return null;
    }

    private static string Expiry(TurnContext turn, InviteCode code)
    {
        var zone = IndonesianTimeZones.Normalize(turn.User?.TimeZone) ?? turn.TimeZone;
        var local = TimeZoneInfo.ConvertTimeFromUtc(code.ExpiresAt, IndonesianTimeZones.Find(zone));
        return local.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo(turn.IsEnglish ? "en-GB" : "id-ID")) + " " + zone;
    }

    /// <summary>A stored instant as a date in the reader's zone (WIB/WITA/WIT), as the other screens show "today".</summary>
    private static string LocalDate(DateTime stored, string zone, bool english) =>
        Reminders.LocalSchedule.LocalDate(stored.Kind == DateTimeKind.Local ? stored.ToUniversalTime() : stored, IndonesianTimeZones.Find(zone))
            .ToString("d MMM yyyy", CultureInfo.GetCultureInfo(english ? "en-GB" : "id-ID"));

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex(@"^\s*(?:mutasi|mutasikan|pindahkan fokal|transfer)\s+(?<from>.+?)\s+(?:ke|kepada|to)\s+(?<to>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex TransferPattern();
}
