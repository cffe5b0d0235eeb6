using Bot.Dialogs.Linking;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>Account-linking codes (by hash) and failed attempts per account.</summary>
internal sealed class PostgresLinkCodeStore(PostgresDatabase database) : ILinkCodeStore
{
    private readonly DocumentTable<LinkCode> _codes = new(database, "account_link_codes");
    private readonly DocumentTable<LinkAttempts> _attempts = new(database, "account_link_attempts");

    public void Replace(LinkCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        database.Transactions.Run(() =>
        {
            _codes.DeleteWhere("doc ->> 'UserId' = @userId", new { userId = code.UserId });
            _codes.Insert(code.Id, code);
        });
    }

    public LinkCode? Find(string hash) => _codes.Get(hash);

    public void Delete(string hash) => _codes.Delete(hash);

    public LinkAttempts? FindAttempts(string accountKey) => _attempts.Get(accountKey);

    public void SaveAttempts(LinkAttempts attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        _attempts.Upsert(attempts.Id, attempts);
    }

    public void DeleteAttempts(string accountKey) => _attempts.Delete(accountKey);
}
