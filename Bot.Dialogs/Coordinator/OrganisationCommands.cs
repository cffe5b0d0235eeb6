using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// The coordinator's OPD commands: add ("tambah opd Dinas Kesehatan (Dinkes) WITA"), list ("daftar opd") and invite
/// ("undang Dinkes"), however worded; the OPD to invite is matched loosely against the OPDs that exist.
/// </summary>
internal sealed partial class OrganisationCommands(
    IOrganisationStore organisations, IInviteCodeStore invites, IUserStore users, ICommitmentStore commitments, OrganisationRegions regions, TimeProvider time)
    : IIntentHandler
{
    public const int MaxNameLength = 100;

    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (!Access.RequireCoordinator(turn, out _))
        {
            return Task.CompletedTask;
        }

        switch (understood.Intent)
        {
            case Intents.AddOrganisation:
                Add(turn, AddArgument(understood));
                break;
            case Intents.ListOrganisations:
                List(turn);
                break;
            default:
                Invite(turn, understood);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>The typed argument as typed; from a sentence, the name the understanding step found and its time zone.</summary>
    private static string AddArgument(Interpretation understood)
    {
        if (understood.TypedArgument is { } typed)
        {
            return typed;
        }

        var name = understood.Entities.Argument ?? string.Empty;
        return understood.Entities.TimeZone is { } zone && name.Length > 0 ? name + " " + zone : name;
    }

    private void Add(TurnContext turn, string argument)
    {
        var match = AddPattern().Match(argument);
        if (argument.Length == 0 || !match.Success)
        {
            turn.SendText(CoordinatorTexts.AddUsage);
            return;
        }

        var name = match.Groups["name"].Value.Trim();
        if (name.Length > MaxNameLength || !name.Any(char.IsLetter))
        {
            turn.SendText(name.Length > MaxNameLength ? turn.F(CoordinatorTexts.AddTooLong, MaxNameLength) : turn.T(CoordinatorTexts.AddUsage));
            return;
        }

        var shortName = match.Groups["short"].Success ? match.Groups["short"].Value.Trim() : name;
        if (organisations.FindByName(name) is not null || organisations.FindByName(shortName) is not null)
        {
            turn.SendText(turn.F(CoordinatorTexts.AddDuplicate, name));
            return;
        }

        var zone = IndonesianTimeZones.Normalize(match.Groups["zone"].Value) ?? IndonesianTimeZones.Default;
        var organisation = organisations.Insert(new Organisation
        {
            Name = name,
            ShortName = shortName,
            TimeZone = zone,
            Region = regions.Default,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = turn.User!.Id,
            CoordinatorUserIds = [turn.User.Id],
        });
        turn.SendText(turn.F(CoordinatorTexts.Added, organisation.Name, organisation.ShortName, organisation.TimeZone));
    }

    private void List(TurnContext turn)
    {
        var all = organisations.ListAll();
        if (all.Count == 0)
        {
            turn.SendText(CoordinatorTexts.NoOrganisations);
            return;
        }

        var english = turn.IsEnglish;
        var lines = all.Select(o => turn.F(
            CoordinatorTexts.ListLine, o.Name, o.ShortName, o.TimeZone, FokalNames(turn, o.Id, english), commitments.ListByOrganisation(o.Id).Count));
        turn.SendText(turn.T(CoordinatorTexts.ListHeader) + "\n\n" + string.Join("\n", lines));
    }

    private string FokalNames(TurnContext turn, int organisationId, bool english)
    {
        var fokal = users.ListFokal(organisationId);
        return fokal.Count == 0 ? turn.T(CoordinatorTexts.NoFokalYet) : string.Join(", ", fokal.Select(f => f.Label(english)).Order(StringComparer.OrdinalIgnoreCase));
    }

    private void Invite(TurnContext turn, Interpretation understood)
    {
        var argument = understood.TypedArgument ?? understood.Entities.Argument ?? string.Empty;
        var match = understood.Entities.Organisation;
        if (argument.Length == 0 && match is null)
        {
            turn.SendText(CoordinatorTexts.InviteUsage);
            return;
        }

        // "undang Dinas 2" may be an OPD whose name ends in a number: the whole text wins when it names one; then
        // the name before a number of people ("undang Dinkes 3 orang"); then the OPD the sentence named loosely.
        var organisation = organisations.FindByName(argument);
        int? uses = 1;
        if (organisation is null)
        {
            uses = InviteUses.Parse(argument, out var name);
            if (uses is null)
            {
                turn.SendText(CoordinatorTexts.InviteTooMany);
                return;
            }

            argument = name;
            organisation = organisations.FindByName(name) ?? (match is not null ? organisations.Get(match.Id) : null);
        }

        if (organisation is null)
        {
            turn.SendText(turn.F(CoordinatorTexts.UnknownOrganisation, argument.Length > 60 ? argument[..60] + "…" : argument));
            return;
        }

        turn.SendText(InvitedText(turn, organisation, invites.Create(organisation.Id, turn.User!.Id, Role.Fokal, uses.Value)));
    }

    /// <summary>The new invite code for an OPD's fokal, with its expiry in the OPD's time zone and how many it admits.</summary>
    internal static string InvitedText(TurnContext turn, Organisation organisation, InviteCode code)
    {
        var expires = TimeZoneInfo.ConvertTimeFromUtc(code.ExpiresAt, IndonesianTimeZones.Find(organisation.TimeZone));
        var culture = CultureInfo.GetCultureInfo(turn.IsEnglish ? "en-GB" : "id-ID");
        return turn.F(CoordinatorTexts.Invited, organisation.Name, code.Id, expires.ToString("d MMMM yyyy HH:mm", culture), organisation.TimeZone, InviteUses.Describe(turn, code.MaxUses));
    }

    // "<name> [(<short>)] [WIB|WITA|WIT]"
    [GeneratedRegex(@"^(?<name>[^()]+?)\s*(?:\((?<short>[^()]{1,30})\))?\s*(?<zone>\b(?:WIB|WITA|WIT)\b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AddPattern();
}
