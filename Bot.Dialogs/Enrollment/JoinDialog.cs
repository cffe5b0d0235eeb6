using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Enrollment;

/// <summary>
/// Joining with an invite code (fokal of an OPD, or coordinator): the person's display name and job title, then
/// the role, the name and the code's use in one transaction. A code used up meanwhile (someone else was quicker
/// with a single-use code) grants nothing. After the first coordinator's admin code (redeemed at once, so the
/// secret is never kept in a draft) only the name and title are asked.
/// </summary>
internal sealed class JoinDialog(IUserStore users, IOrganisationStore organisations, IInviteCodeStore invites, TimeProvider time)
    : FormDialog<JoinDialog.JoinState>(DialogId)
{
    public const string DialogId = "enrollment.join";

    /// <summary>Uses the invite (unless the role was granted already) and saves the name; null when the invite no longer works.</summary>
    private BotUser? Grant(BotUser sender, JoinState state)
    {
        var user = users.Get(sender.Id) ?? sender;
        if (!state.AlreadyGranted)
        {
            if (!invites.TryUse(state.InviteCode, user.Id))
            {
                return null;
            }

            user.Role = state.Role;
            user.OrganisationId = state.Role == Role.Fokal ? state.OrganisationId : null;
            user.RoleSince = time.GetUtcNow().UtcDateTime;
        }

        user.Name = state.Name;
        user.JobTitle = state.JobTitle;
        users.Update(user);
        return user;
    }
    public const int MaxName = 80;
    public const int MaxJobTitle = 100;

    private readonly TextPrompt _name = new(DialogId + ".name");
    private readonly TextPrompt _title = new(DialogId + ".title");

    protected override IEnumerable<Dialog> FieldDialogs => [_name, _title];

    protected override LocalizedText SaveLabel => EnrollmentTexts.SaveProfile;

    protected override LocalizedText Title => EnrollmentTexts.JoinDraftTitle;

    protected override bool ConfirmBeforeSave => false;

    protected override JoinState CreateState(DialogContext dc, object? options) =>
        options as JoinState ?? throw new ArgumentException("Begin with a JoinState.", nameof(options));

    protected override bool OnBegin(FormContext<JoinState> form)
    {
        if (form.State.AlreadyGranted)
        {
            form.Turn.SendText(EnrollmentTexts.AdminGranted);
            return true;
        }

        var what = form.State.Role == Role.Koordinator ? form.Turn.T(EnrollmentTexts.AsCoordinator) : form.Turn.F(EnrollmentTexts.AsFokal, form.State.OrganisationName);
        form.Turn.SendText(form.Turn.F(EnrollmentTexts.CodeAccepted, new Markdown(what)));
        return true;
    }

    protected override IEnumerable<FormField<JoinState>> DefineFields() =>
    [
        new FormField<JoinState>
        {
            Name = "Name",
            Label = t => t.T(EnrollmentTexts.NameLabel),
            DialogId = _name.Id,
            Options = f => new PromptOptions
            {
                Text = f.Turn.T(EnrollmentTexts.AskName),
                MaxLength = MaxName,
                Example = f.Turn.T(EnrollmentTexts.NameExample),
                Suggestions = f.Turn.User?.Name is { Length: > 0 and <= 20 } current ? [current] : [],
            },
            Apply = (f, answer) =>
            {
                f.State.Name = ((string)answer!).Trim();
                return FieldResult.Ok;
            },
        },
        new FormField<JoinState>
        {
            Name = "JobTitle",
            Label = t => t.T(EnrollmentTexts.JobTitleLabel),
            DialogId = _title.Id,
            Options = f => new PromptOptions
            {
                Text = f.Turn.F(EnrollmentTexts.AskJobTitle, f.State.Name),
                MaxLength = MaxJobTitle,
                Example = f.Turn.T(EnrollmentTexts.JobTitleExample),
                Suggestions = f.Turn.User?.JobTitle is { Length: > 0 and <= 20 } current ? [current] : [],
            },
            Apply = (f, answer) =>
            {
                f.State.JobTitle = ((string)answer!).Trim();
                return FieldResult.Ok;
            },
        },
    ];

    protected override string Summary(FormContext<JoinState> form) => string.Empty;

    protected override async Task<DialogTurnResult> SaveAsync(FormContext<JoinState> form, CancellationToken cancellationToken)
    {
        var turn = form.Turn;
        var state = form.State;
        if (turn.User is not { } sender)
        {
            return await form.Dialog.EndAsync(null, cancellationToken);
        }

        var previous = sender.IsFokal && sender.OrganisationId != state.OrganisationId ? organisations.Get(sender.OrganisationId!.Value) : null;
        var granted = Grant(sender, state);
        if (granted is null)
        {
            turn.SendText(EnrollmentTexts.JoinInvalid);
            return await form.Dialog.EndAsync(null, cancellationToken);
        }

        turn.User = granted;
        if (state.Role == Role.Koordinator)
        {
            turn.SendText(turn.F(EnrollmentTexts.CoordinatorJoined, granted.DisplayName(turn.IsEnglish)), RoleSuggestions.For(turn));
            return await form.Dialog.EndAsync(granted.Id, cancellationToken);
        }

        var organisation = organisations.Get(state.OrganisationId);
        turn.TimeZone = organisation?.TimeZone ?? turn.TimeZone;
        var text = turn.F(EnrollmentTexts.Joined, state.OrganisationName, turn.TimeZone, granted.DisplayName(turn.IsEnglish));
        turn.SendText(previous is null ? text : text + "\n\n" + turn.F(EnrollmentTexts.Moved, previous.Name), RoleSuggestions.For(turn));
        return await form.Dialog.EndAsync(granted.Id, cancellationToken);
    }

    internal sealed class JoinState
    {
        /// <summary>The invite code (empty after the admin code).</summary>
        public string InviteCode { get; set; } = string.Empty;

        /// <summary>The role was granted before the form (the admin code): only the name and title are saved.</summary>
        public bool AlreadyGranted { get; set; }

        public Role Role { get; set; } = Role.Fokal;
        public int OrganisationId { get; set; }
        public string OrganisationName { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string JobTitle { get; set; } = string.Empty;
    }
}
