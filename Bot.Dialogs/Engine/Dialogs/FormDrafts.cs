using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// Keeps a person's open forms as drafts (<see cref="IFormDraftStore"/>): mirrored in the turn's commit after every
/// turn the form is open, parked by "menu" and "nanti", resumed by "lanjut" (draft.resume) on any conversation, thrown away by "buang draf" (draft.discard), deleted when the
/// form ends (saved, declined or cancelled). A conversation whose form was resumed elsewhere finds its copy stale.
/// </summary>
internal sealed class FormDrafts(IFormDraftStore store, DialogSet dialogs, TimeProvider time)
{
    /// <summary>The form at the bottom of the stack, or null when the stack holds none (or another kind of dialog).</summary>
    public string? FormOf(List<DialogFrame> stack) =>
        stack.Count > 0 && dialogs.Find(stack[0].DialogId) is IDraftForm ? stack[0].DialogId : null;

    /// <summary>The draft of that form, unless it lives in another conversation now (or no longer exists).</summary>
    public bool IsStale(TurnContext turn, string formId)
    {
        if (turn.User is not { } user)
        {
            return false;
        }

        var draft = store.Find(user.Id, formId);
        return draft is null || draft.ConversationKey != turn.State.Id;
    }

    /// <summary>An existing draft of the form the user is about to start, or null.</summary>
    public FormDraft? Existing(TurnContext turn, string formId) =>
        turn.User is { } user ? store.Find(user.Id, formId) : null;

    /// <summary>
    /// Records the turn's outcome for the form that was open when it began (<paramref name="formAtStart"/>): the open
    /// form is mirrored; a form that ended (not parked) is deleted.
    /// </summary>
    public void AfterTurn(DialogContext dc, string? formAtStart, bool parked)
    {
        var turn = dc.Turn;
        if (turn.User is not { } user)
        {
            return;
        }

        if (FormOf(dc.Stack) is { } open)
        {
            turn.WriteOnCommit(store.PrepareSave(Draft(dc, user.Id, open)));
        }
        else if (formAtStart is not null && !parked)
        {
            turn.WriteOnCommit(store.PrepareDelete(user.Id, formAtStart));
        }
    }

    /// <summary>"menu" or "nanti" in a form: the draft is written as it stands and the conversation is freed.</summary>
    public void Park(DialogContext dc)
    {
        var turn = dc.Turn;
        var formId = FormOf(dc.Stack);
        if (formId is null || turn.User is not { } user)
        {
            dc.CancelAll();
            return;
        }

        var draft = Draft(dc, user.Id, formId);
        turn.WriteOnCommit(store.PrepareSave(draft));
        dc.Stack.Clear();
        turn.SendText(turn.F(FormTexts.Parked, draft.Title));
    }

    /// <summary>"buang draf" (no dialog open): the newest draft is deleted.</summary>
    public void Discard(TurnContext turn)
    {
        if (turn.User is not { } user || store.ListFor(user.Id) is not [var latest, ..])
        {
            turn.SendText(FormTexts.NoDraft, Enrollment.RoleSuggestions.For(turn));
            return;
        }

        turn.WriteOnCommit(store.PrepareDelete(user.Id, latest.FormId));
        turn.SendText(turn.F(FormTexts.Discarded, latest.Title));
    }

    /// <summary>"lanjut" (no dialog open): the newest draft is put back and asks its pending question again.</summary>
    public async Task ResumeAsync(DialogContext dc, Func<DialogContext, bool> stackMatchesCode, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        IReadOnlyList<FormDraft> drafts = turn.User is { } user ? store.ListFor(user.Id) : [];
        if (drafts.Count == 0)
        {
            turn.SendText(FormTexts.NoDraft, Enrollment.RoleSuggestions.For(turn));
            return;
        }

        var latest = drafts[0];
        dc.Stack.Clear();
        dc.Stack.AddRange(latest.Stack);
        if (!stackMatchesCode(dc))
        {
            dc.Stack.Clear();
            turn.WriteOnCommit(store.PrepareDelete(turn.User!.Id, latest.FormId));
            turn.SendText(EngineTexts.FlowChanged);
            return;
        }

        var others = drafts.Skip(1).Select(d => d.Title).ToList();
        var note = others.Count == 0 ? string.Empty : "\n\n" + turn.F(FormTexts.OtherDrafts, new Markdown(string.Join("; ", others)));
        turn.SendText(turn.F(FormTexts.Resumed, new Markdown(latest.Title)) + note);
        await dc.RepromptAsync(cancellationToken);
        AfterTurn(dc, latest.FormId, parked: false);
    }

    private FormDraft Draft(DialogContext dc, string userId, string formId) => new()
    {
        UserId = userId,
        FormId = formId,
        ConversationKey = dc.Turn.State.Id,
        Title = dialogs.Find(formId) is IDraftForm form ? form.DraftTitle(dc, dc.Stack[0]) : formId,
        Stack = [.. dc.Stack],
        UpdatedAt = time.GetUtcNow().UtcDateTime,
    };
}
