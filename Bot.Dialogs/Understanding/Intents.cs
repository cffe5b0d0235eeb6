namespace Bot.Dialogs.Understanding;

/// <summary>
/// The intent names, as the training files (*.nlu.md, "## intent: name") spell them. The catalog
/// (<see cref="IntentCatalog"/>) says what each one is; the routing table says which handler runs it.
/// </summary>
public static class Intents
{
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Help = "help";
    public const string About = "about";
    public const string AskLaw = "ask_law";
    public const string Question = "question";
    public const string OutOfScope = "out_of_scope";
    public const string WhoAmI = "whoami";

    public const string Cancel = "nav.cancel";
    public const string Back = "nav.back";
    public const string Menu = "nav.menu";
    public const string Later = "nav.later";

    public const string AdminCode = "enroll.admin";
    public const string Join = "enroll.join";
    public const string LinkAccount = "account.link";

    public const string AddOrganisation = "opd.add";
    public const string ListOrganisations = "opd.list";
    public const string Invite = "opd.invite";
    public const string Verify = "report.verify";
    public const string Dashboard = "dashboard.link";

    public const string Missing = "chase.missing";
    public const string Nudge = "chase.nudge";
    public const string Summary = "chase.summary";

    public const string RegisterCommitment = "commitment.register";
    public const string ListCommitments = "commitment.list";
    public const string ShowCommitment = "commitment.show";
    public const string EditCommitment = "commitment.edit";
    public const string CancelCommitment = "commitment.cancel";
    public const string ReportProgress = "progress.report";
    public const string Snooze = "reminder.snooze";
    public const string AlreadyDone = "reminder.done";

    public const string ReportTip = "tip.report";
    public const string CheckTip = "tip.check";
    public const string AddTipInfo = "tip.add_info";

    // People and identity (issue 15).
    public const string AddPerson = "people.add";
    public const string RemovePerson = "people.remove";
    public const string ListPeople = "people.list";
    public const string TransferCommitments = "commitment.transfer";
    public const string SignIn = "session.signin";
    public const string SignOut = "session.signout";
    public const string ResumeDraft = "draft.resume";
    public const string DiscardDraft = "draft.discard";
    public const string ChangeName = "profile.name";
    public const string ChangeJobTitle = "profile.title";
}
