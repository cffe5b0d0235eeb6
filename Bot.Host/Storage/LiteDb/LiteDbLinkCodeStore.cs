using Bot.Dialogs.Linking;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Account-linking codes (<c>account_link_codes</c>) and failed attempts (<c>account_link_attempts</c>).</summary>
internal sealed class LiteDbLinkCodeStore(SinergiDatabase database) : ILinkCodeStore
{
    private readonly ILiteCollection<LinkCode> _codes = database.Collection<LinkCode>("account_link_codes");
    private readonly ILiteCollection<LinkAttempts> _attempts = database.Collection<LinkAttempts>("account_link_attempts");

    public void Replace(LinkCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        database.InTransaction(() =>
        {
            _codes.DeleteMany(c => c.UserId == code.UserId);
            _codes.Insert(code);
        });
    }

    public LinkCode? Find(string hash) => _codes.FindById(hash);

    public void Delete(string hash) => _codes.Delete(hash);

    public LinkAttempts? FindAttempts(string accountKey) => _attempts.FindById(accountKey);

    public void SaveAttempts(LinkAttempts attempts) => _attempts.Upsert(attempts);

    public void DeleteAttempts(string accountKey) => _attempts.Delete(accountKey);
}
