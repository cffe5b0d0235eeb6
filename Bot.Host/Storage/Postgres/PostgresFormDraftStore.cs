using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>Unfinished forms, one per person and form (id "user|form").</summary>
internal sealed class PostgresFormDraftStore(PostgresDatabase database) : IFormDraftStore
{
    private const string OfUser = "doc ->> 'UserId' = @userId";

    private readonly DocumentTable<FormDraft> _drafts = new(database, "form_drafts");

    public FormDraft? Find(string userId, string formId) => _drafts.Get(Key(userId, formId));

    public IReadOnlyList<FormDraft> ListFor(string userId) => _drafts.Where(OfUser, new { userId }, orderBy: "(doc ->> 'UpdatedAt')::timestamptz desc");

    public bool HasAny(string userId) => _drafts.Exists(OfUser, new { userId });

    /// <summary>Serialises now (the draft may change before the commit runs the write).</summary>
    public Action PrepareSave(FormDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Id = Key(draft.UserId, draft.FormId);
        var id = draft.Id;
        var json = DocumentTable<FormDraft>.Serialise(draft);
        return () => _drafts.Upsert(id, json);
    }

    public Action PrepareDelete(string userId, string formId)
    {
        var key = Key(userId, formId);
        return () => _drafts.Delete(key);
    }

    private static string Key(string userId, string formId) => userId + "|" + formId;
}
