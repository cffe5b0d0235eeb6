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
    OrganisationStore organisations, InviteCodeStore invites, UserStore users, CommitmentStore commitments, TimeProvider time) : IIntentHandler
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

        var lines = all.Select(o => turn.F(
            CoordinatorTexts.ListLine, o.Name, o.ShortName, o.TimeZone, users.ListFokal(o.Id).Count, commitments.ListByOrganisation(o.Id).Count));
        turn.SendText(turn.T(CoordinatorTexts.ListHeader) + "\n\n" + string.Join("\n", lines));
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

        var organisation = match is not null ? organisations.Get(match.Id) : organisations.FindByName(argument);
        if (organisation is null)
        {
            turn.SendText(turn.F(CoordinatorTexts.UnknownOrganisation, argument.Length > 60 ? argument[..60] + "…" : argument));
            return;
        }

        var code = invites.Create(organisation.Id, turn.User!.Id);
        var expires = TimeZoneInfo.ConvertTimeFromUtc(code.ExpiresAt, IndonesianTimeZones.Find(organisation.TimeZone));
        var culture = CultureInfo.GetCultureInfo(turn.IsEnglish ? "en-GB" : "id-ID");
        turn.SendText(turn.F(CoordinatorTexts.Invited, organisation.Name, code.Id, expires.ToString("d MMMM yyyy HH:mm", culture), organisation.TimeZone));
    }

    // "<name> [(<short>)] [WIB|WITA|WIT]"
    [GeneratedRegex(@"^(?<name>[^()]+?)\s*(?:\((?<short>[^()]{1,30})\))?\s*(?<zone>\b(?:WIB|WITA|WIT)\b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AddPattern();
}
