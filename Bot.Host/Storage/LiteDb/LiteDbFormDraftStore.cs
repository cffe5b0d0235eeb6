using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A person's unfinished forms, one per form kind (collection <c>form_drafts</c>, key "user id|form id"). The
/// dialog engine mirrors an open form's frames here on every turn, in the turn's own commit, so the answers typed so
/// far outlive "menu", a closed tab or another device: "lanjut" puts them back on any conversation's stack. The
/// conversation that owns a draft is recorded, so a stale copy left in another conversation is recognised.
/// </summary>
internal sealed class LiteDbFormDraftStore(SinergiDatabase database) : IFormDraftStore
{
    private const string CollectionName = "form_drafts";

    private readonly ILiteCollection<FormDraft> _drafts = CreateCollection(database);
    private readonly CollectionReadCache<bool> _hasAny = new(database, CollectionName, capacity: 8_192);

    public static string Key(string userId, string formId) => userId + "|" + formId;

    public FormDraft? Find(string userId, string formId) => _drafts.FindById(Key(userId, formId));

    /// <summary>The person's drafts, newest first.</summary>
    public IReadOnlyList<FormDraft> ListFor(string userId) =>
        _drafts.Find(d => d.UserId == userId).OrderByDescending(d => d.UpdatedAt).ToList();

    /// <summary>Whether the person has any draft; cached until the collection changes (asked on every turn).</summary>
    public bool HasAny(string userId) => _hasAny.Get(userId, () => _drafts.Exists(d => d.UserId == userId));

    /// <summary>Serialises the draft now and returns the upsert to run inside the turn's commit.</summary>
    public Action PrepareSave(FormDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Id = Key(draft.UserId, draft.FormId);
        var document = database.Mapper.ToDocument(draft);
        return () => database.Raw.GetCollection(CollectionName).Upsert(document);
    }

    /// <summary>The delete to run inside the turn's commit.</summary>
    public Action PrepareDelete(string userId, string formId)
    {
        var key = Key(userId, formId);
        return () => _drafts.Delete(key);
    }

    private static ILiteCollection<FormDraft> CreateCollection(SinergiDatabase database)
    {
        var drafts = database.Collection<FormDraft>(CollectionName);
        drafts.EnsureIndex(d => d.UserId);
        return drafts;
    }
}
