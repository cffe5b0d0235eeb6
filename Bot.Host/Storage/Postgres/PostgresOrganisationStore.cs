using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>The OPDs. <see cref="Revision"/> is a sequence every write advances, so it is the same number on every host.</summary>
internal sealed class PostgresOrganisationStore(PostgresDatabase database) : IOrganisationStore
{
    private readonly DocumentTable<Organisation> _organisations = new(database, "organisations");

    public long Revision => database.Use((c, t) =>
        c.ExecuteScalar<long>("select case when is_called then last_value else 0 end from organisations_revision", transaction: t));

    public Organisation Insert(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        database.Transactions.Run(() =>
        {
            organisation.Id = _organisations.NextId();
            _organisations.Insert(organisation.Id, organisation);
            Bump();
        });
        return organisation;
    }

    public Organisation? Get(int id) => _organisations.Get(id);

    public void Update(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        database.Transactions.Run(() =>
        {
            _organisations.Update(organisation.Id, organisation);
            Bump();
        });
    }

    public IReadOnlyList<Organisation> ListAll() =>
        _organisations.All().OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public Organisation? FindByName(string name)
    {
        var wanted = name.Trim();
        return ListAll().FirstOrDefault(o =>
            string.Equals(o.ShortName, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private void Bump() => database.Use((c, t) => c.ExecuteScalar<long>("select nextval('organisations_revision')", transaction: t));
}
