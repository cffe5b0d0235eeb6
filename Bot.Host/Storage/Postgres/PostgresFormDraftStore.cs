using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Unfinished forms, one per person and form (id "user|form"). A turn asks several times (whether there is one, the
/// list, the one): within a turn's unit of work the person's drafts are read once and the answers come from that list
/// (another conversation of the same person may save one meanwhile, as it may between two reads). The writes join
/// the batch of the turn's commit.
/// </summary>
internal sealed class PostgresFormDraftStore(PostgresDatabase database) : IFormDraftStore
{
    private const string OfUser = "doc ->> 'UserId' = @userId";

    private readonly DocumentTable<FormDraft> _drafts = new(database, "form_drafts");

    public FormDraft? Find(string userId, string formId) => ListFor(userId).FirstOrDefault(d => d.FormId == formId);

    /// <summary>Fresh objects on every call (a caller may change what it got); the JSON is what a turn keeps.</summary>
    public IReadOnlyList<FormDraft> ListFor(string userId) => StoredFor(userId).Select(DocumentTable<FormDraft>.Deserialise).ToList();

    public bool HasAny(string userId) => StoredFor(userId).Count > 0;

    /// <summary>Serialises now (the draft may change before the commit runs the write).</summary>
    public Action PrepareSave(FormDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Id = Key(draft.UserId, draft.FormId);
        var id = draft.Id;
        var json = DocumentTable<FormDraft>.Serialise(draft);
        var userId = draft.UserId;
        return () =>
        {
            database.Transactions.Forget(RememberedAs(userId));
            _drafts.UpsertInBatch(id, json);
        };
    }

    public Action PrepareDelete(string userId, string formId)
    {
        var key = Key(userId, formId);
        return () =>
        {
            database.Transactions.Forget(RememberedAs(userId));
            _drafts.DeleteInBatch(key);
        };
    }

    private IReadOnlyList<string> StoredFor(string userId) => database.Transactions.Remember(
        RememberedAs(userId),
        () => _drafts.WhereJson(OfUser, new { userId }, orderBy: "(doc ->> 'UpdatedAt')::timestamptz desc"));

    /// <summary>The key a turn keeps the person's drafts (their JSON, newest first) under; <see cref="PostgresUserStore"/> reads them with the sender.</summary>
    internal static string RememberedAs(string userId) => "form_drafts|" + userId;

    private static string Key(string userId, string formId) => userId + "|" + formId;
}
