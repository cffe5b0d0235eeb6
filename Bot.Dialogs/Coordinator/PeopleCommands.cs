using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// The coordinator's people commands, however worded: "undang koordinator [N orang]", "daftar koordinator", "fokal &lt;opd&gt;",
/// "hapus fokal|koordinator &lt;nama&gt;" and "mutasi &lt;fokal lama&gt; ke &lt;fokal baru&gt;" (the commitments move to
/// the new fokal, the old one leaves the role). People are named, never shown by id.
/// </summary>
internal sealed partial class PeopleCommands(
    IUserStore users,
    IOrganisationStore organisations,
    IInviteCodeStore invites,
    ICommitmentStore commitments,
    PeopleDirectory people,
    NotificationOutbox notices,
    TimeProvider time) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (!Access.RequireCoordinator(turn, out _))
        {
            return Task.CompletedTask;
        }

        var entities = understood.Entities;
        var argument = understood.TypedArgument ?? entities.Argument ?? string.Empty;
        switch (understood.Intent)
        {
            case Intents.AddPerson when entities.Organisation is not null:
                // "tambah fokal baru untuk Dinsos": a fokal joins with the OPD's invite code.
                var organisation = organisations.Get(entities.Organisation.Id)!;
                turn.SendText(OrganisationCommands.InvitedText(turn, organisation, invites.Create(organisation.Id, turn.User!.Id, Role.Fokal, 1)));
                break;
            case Intents.AddPerson:
                InviteCoordinator(turn, understood.Typed ? argument : string.Empty);
                break;
            case Intents.ListPeople when understood.TypedPhrase is "daftar koordinator" or "list coordinators" or "koordinator":
                ListCoordinators(turn);
                break;
            case Intents.ListPeople when entities.Organisation is not null || argument.Length > 0:
                ListFokal(turn, argument, entities.Organisation);
                break;
            case Intents.ListPeople:
                ListCoordinators(turn);
                break;
            case Intents.RemovePerson:
                Remove(turn, understood.Typed ? argument : entities.Argument ?? string.Empty, RoleOf(understood.TypedPhrase));
                break;
            default:
                Transfer(turn, understood);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>The role a typed removal names ("hapus fokal"); from a sentence, whichever role the person has.</summary>
    private static Role? RoleOf(string? phrase) => phrase switch
    {
        null => null,
        _ when phrase.Contains("koordinator", StringComparison.Ordinal) || phrase.Contains("coordinator", StringComparison.Ordinal) => Role.Koordinator,
        _ => Role.Fokal,
    };

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

    private void ListFokal(TurnContext turn, string argument, OrganisationMatch? match)
    {
        var organisation = (argument.Length > 0 ? organisations.FindByName(argument) : null) ?? (match is not null ? organisations.Get(match.Id) : null);
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

    private void Remove(TurnContext turn, string argument, Role? named)
    {
        var english = turn.IsEnglish;
        if (argument.Length == 0)
        {
            turn.SendText(named == Role.Koordinator ? PeopleTexts.RemoveCoordinatorUsage : PeopleTexts.RemoveFokalUsage);
            return;
        }

        if (Resolve(turn, argument, u => named is { } r ? u.Role == r : u.Role is Role.Fokal or Role.Koordinator) is not { } person)
        {
            return;
        }

        var role = person.Role;

        if (role == Role.Koordinator && users.ListCoordinators().Count <= 1)
        {
            turn.SendText(PeopleTexts.LastCoordinator);
            return;
        }

        var organisation = person.OrganisationId is { } id ? organisations.Get(id) : null;
        var held = organisation is null ? 0 : commitments.ListByOrganisation(organisation.Id).Count(c => c.Status == CommitmentStatus.Active && c.ResponsibleUserId() == person.Id);
        var label = person.Label(english);
        var stored = users.Get(person.Id)!;
        stored.Role = Role.Warga;
        stored.OrganisationId = null;
        stored.RoleSince = time.GetUtcNow().UtcDateTime;
        users.Update(stored);
        notices.Enqueue(stored.Id, PeopleTexts.NoticeRemoved.Format(stored.Locale, Access.RoleName(role, LocalizedText.IsEnglish(stored.Locale)).ToLowerInvariant(), turn.User!.DisplayName(LocalizedText.IsEnglish(stored.Locale))));
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

    /// <summary>"mutasi LAMA ke BARU" typed, or a sentence naming both ("pindahkan RA Andi ke Rina"); else how to say it.</summary>
    private void Transfer(TurnContext turn, Interpretation understood)
    {
        var names = understood.TypedArgument ?? understood.Entities.Argument ?? string.Empty;
        if (TransferNames().Match(names) is not { Success: true } pair)
        {
            turn.SendText(PeopleTexts.TransferUsage);
            return;
        }

        Transfer(turn, pair.Groups["from"].Value.Trim(), pair.Groups["to"].Value.Trim());
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
        turn.SendText(turn.F(PeopleTexts.Transferred, codes.Count, leaving.Label(english), taking.Label(english), organisation.Name, list));
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

    // "Andi ke Rina": the argument of "mutasi Andi ke Rina", or the names a sentence gave.
    [GeneratedRegex(@"^\s*(?<from>.+?)\s+(?:ke|kepada|to)\s+(?<to>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex TransferNames();
}
