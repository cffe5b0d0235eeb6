using Bot.Dialogs.Commitments;
using Bot.Dialogs.Coordinator;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Linking;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Progress;
using Bot.Dialogs.Questions;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Tips;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Engine.Routing;

/// <summary>
/// The routing table: the one place that says, in order, which handler sees a message. Every message is first
/// understood (<see cref="MessageUnderstander"/>: safety screen, typed command syntax, learned intent, entities,
/// confidence); then the steps below are tried top to bottom until one answers.
/// </summary>
public static class RoutingTable
{
    /// <summary>The order in which a message is offered.</summary>
    public static IReadOnlyList<RouteStep> Steps { get; } =
    [
        // 1. An open form takes the answer. A clear interruption does not: "batal", "kembali", "menu", "bantuan"
        //    steer the form; a question or a safety concern is answered and the form asks again; a command the
        //    user may run runs on top of the form, which resumes after it (DialogRunner, InterruptionPolicy).
        RouteStep.ActiveForm,

        // 2. Plug-ins: ITurnHandler registrations this table does not name (tests, extensions), in registration order.
        RouteStep.PlugIns,

        // 3. A safety concern (an emergency, obtaining or dosing drugs, seeking help) goes to Q&A, never to a command.
        RouteStep.Safety,

        // 4. A confident intent runs its handler (Intents below); an intent the user's role may not use is refused
        //    by its handler with a word on who may use it.
        RouteStep.Intent,

        // 5. An uncertain intent: "Maksud Anda: *A* atau *B*?" with the two or three likely intents as buttons.
        RouteStep.Clarify,

        // 6. A question about the rules: regulation Q&A.
        RouteStep.Question,

        // 7. Anything else: "not understood" and the help that fits the user's role.
        RouteStep.Help,
    ];

    /// <summary>Which feature handles each intent.</summary>
    public static IReadOnlyDictionary<string, Type> Intents { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [Understanding.Intents.Greeting] = typeof(MenuHandler),
        [Understanding.Intents.Thanks] = typeof(MenuHandler),
        [Understanding.Intents.Help] = typeof(MenuHandler),
        [Understanding.Intents.About] = typeof(MenuHandler),
        [Understanding.Intents.AskLaw] = typeof(MenuHandler),
        [Understanding.Intents.Menu] = typeof(MenuHandler),
        [Understanding.Intents.Cancel] = typeof(MenuHandler),
        [Understanding.Intents.Back] = typeof(MenuHandler),
        [Understanding.Intents.Later] = typeof(MenuHandler),

        [Understanding.Intents.WhoAmI] = typeof(EnrollmentHandler),
        [Understanding.Intents.AdminCode] = typeof(EnrollmentHandler),
        [Understanding.Intents.Join] = typeof(EnrollmentHandler),
        [Understanding.Intents.LinkAccount] = typeof(AccountLinkHandler),

        [Understanding.Intents.AddOrganisation] = typeof(OrganisationCommands),
        [Understanding.Intents.ListOrganisations] = typeof(OrganisationCommands),
        [Understanding.Intents.Invite] = typeof(OrganisationCommands),
        [Understanding.Intents.Verify] = typeof(VerificationCommands),
        [Understanding.Intents.Dashboard] = typeof(DashboardLinkHandler),
        [Understanding.Intents.Missing] = typeof(ChaseHandler),
        [Understanding.Intents.Nudge] = typeof(ChaseHandler),
        [Understanding.Intents.Summary] = typeof(ChaseHandler),

        [Understanding.Intents.RegisterCommitment] = typeof(CommitmentCommands),
        [Understanding.Intents.ListCommitments] = typeof(CommitmentCommands),
        [Understanding.Intents.ShowCommitment] = typeof(CommitmentCommands),
        [Understanding.Intents.EditCommitment] = typeof(CommitmentCommands),
        [Understanding.Intents.CancelCommitment] = typeof(CommitmentCommands),
        [Understanding.Intents.ReportProgress] = typeof(ProgressCommands),
        [Understanding.Intents.Snooze] = typeof(ReminderActionsHandler),
        [Understanding.Intents.AlreadyDone] = typeof(ReminderActionsHandler),

        [Understanding.Intents.ReportTip] = typeof(TipCommands),
        [Understanding.Intents.CheckTip] = typeof(TipCommands),
        [Understanding.Intents.AddTipInfo] = typeof(TipCommands),

        [Understanding.Intents.ChangeName] = typeof(EnrollmentHandler),
        [Understanding.Intents.ChangeJobTitle] = typeof(EnrollmentHandler),
        [Understanding.Intents.SignIn] = typeof(SignInHandler),
        [Understanding.Intents.SignOut] = typeof(SignInHandler),

        [Understanding.Intents.AddPerson] = typeof(PeopleCommands),
        [Understanding.Intents.RemovePerson] = typeof(PeopleCommands),
        [Understanding.Intents.ListPeople] = typeof(PeopleCommands),
        [Understanding.Intents.TransferCommitments] = typeof(PeopleCommands),

        // Drafts: "lanjut" and "buang draf" outside a form ("nanti" and "menu" inside one are steering, step 1).
        [Understanding.Intents.ResumeDraft] = typeof(DraftCommands),
        [Understanding.Intents.DiscardDraft] = typeof(DraftCommands),
    };

    /// <summary>Regulation Q&amp;A: questions and safety concerns (steps 3 and 6, and questions inside a form).</summary>
    public static Type Questions { get; } = typeof(QuestionHandler);
}

/// <summary>A step of the routing table.</summary>
public enum RouteStep
{
    ActiveForm,
    PlugIns,
    Safety,
    Intent,
    Clarify,
    Question,
    Help,
}
