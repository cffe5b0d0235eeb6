using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Coordinator;

/// <summary>The coordinator's OPD commands: "tambah opd …", "daftar opd", "undang &lt;opd&gt;".</summary>
internal sealed partial class OrganisationCommands(
    OrganisationStore organisations, InviteCodeStore invites, UserStore users, CommitmentStore commitments, TimeProvider time) : ITurnHandler
{
    public const int MaxNameLength = 100;

    private static readonly string[] AddWords = ["tambah opd", "buat opd", "add agency", "add opd"];
    private static readonly string[] ListWords = ["daftar opd", "list opd", "list agencies", "opd"];
    private static readonly string[] InviteWords = ["undang", "invite", "kode undangan"];

    public int Order => 20;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Action<TurnContext, string>? command =
            CommandText.TryMatch(turn.Text, AddWords, out var argument) ? Add
            : CommandText.IsExactly(turn.Text, ListWords) ? (t, _) => List(t)
            : CommandText.TryMatch(turn.Text, InviteWords, out argument) ? Invite
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

    private void Invite(TurnContext turn, string argument)
    {
        if (argument.Length == 0)
        {
            turn.SendText(CoordinatorTexts.InviteUsage);
            return;
        }

        // "undang Dinas 2" may be an OPD whose name ends in a number: the whole text wins when it names one.
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
            organisation = organisations.FindByName(name);
        }

        if (organisation is null)
        {
            turn.SendText(turn.F(CoordinatorTexts.UnknownOrganisation, argument.Length > 60 ? argument[..60] + "…" : argument));
            return;
        }

        var code = invites.Create(organisation.Id, turn.User!.Id, Role.Fokal, uses.Value);
        var expires = TimeZoneInfo.ConvertTimeFromUtc(code.ExpiresAt, IndonesianTimeZones.Find(organisation.TimeZone));
        var culture = CultureInfo.GetCultureInfo(turn.IsEnglish ? "en-GB" : "id-ID");
        turn.SendText(turn.F(CoordinatorTexts.Invited, organisation.Name, code.Id, expires.ToString("d MMMM yyyy HH:mm", culture), organisation.TimeZone, InviteUses.Describe(turn, code.MaxUses)));
    }

    // "<name> [(<short>)] [WIB|WITA|WIT]"
    [GeneratedRegex(@"^(?<name>[^()]+?)\s*(?:\((?<short>[^()]{1,30})\))?\s*(?<zone>\b(?:WIB|WITA|WIT)\b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AddPattern();
}
