using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The OPDs. <see cref="Revision"/> is a sequence every write advances, so it is the same number on every host.
/// Within a turn's unit of work the revision and an OPD read are kept (<see cref="PostgresUserStore"/> reads both
/// with the sender, in the same statement) until this store writes; each <see cref="Get"/> still returns a fresh object.
/// </summary>
internal sealed class PostgresOrganisationStore(PostgresDatabase database) : IOrganisationStore
{
    /// <summary>The revision's current value, as a scalar subquery or statement.</summary>
    internal const string ReadRevision = "select case when is_called then last_value else 0 end from organisations_revision";

    /// <summary>The key a turn keeps the revision under (a boxed long).</summary>
    internal const string RevisionKey = "organisations_revision";

    private readonly DocumentTable<Organisation> _organisations = new(database, "organisations");

    public long Revision => (long)database.Transactions.Remember<object>(
        RevisionKey,
        () => database.Use((c, t) => c.ExecuteScalar<long>(ReadRevision, transaction: t)));

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

    public Organisation? Get(int id) => database.Transactions.InUnit
        ? database.Transactions.Remember(KeyOf(id), () => _organisations.GetJson(id) ?? string.Empty) is { Length: > 0 } json
            ? DocumentTable<Organisation>.Deserialise(json)
            : null
        : _organisations.Get(id);

    public void Update(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        database.Transactions.Forget(KeyOf(organisation.Id));
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

    /// <summary>The key a turn keeps an OPD's JSON under (empty when there is no such OPD).</summary>
    internal static string KeyOf(int id) => "organisations|" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Bump()
    {
        database.Transactions.Forget(RevisionKey);
        database.Use((c, t) => c.ExecuteScalar<long>("select nextval('organisations_revision')", transaction: t));
    }
}
