namespace Bot.Dialogs.Storage;

/// <summary>A person's unfinished forms (<see cref="FormDraft"/>), one per form.</summary>
public interface IFormDraftStore
{
    FormDraft? Find(string userId, string formId);

    /// <summary>The person's drafts, latest first.</summary>
    IReadOnlyList<FormDraft> ListFor(string userId);

    /// <summary>Whether the person has any draft (asked on most turns, so the adapter may cache it).</summary>
    bool HasAny(string userId);

    /// <summary>The write that stores the draft, to run in the turn's commit.</summary>
    Action PrepareSave(FormDraft draft);

    /// <summary>The write that removes the draft, to run in the turn's commit.</summary>
    Action PrepareDelete(string userId, string formId);
}
