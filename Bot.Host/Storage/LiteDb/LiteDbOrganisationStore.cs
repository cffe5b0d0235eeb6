using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>The OPDs.</summary>
internal sealed class LiteDbOrganisationStore(SinergiDatabase database) : IOrganisationStore
{
    internal const string CollectionName = "organisations";

    private readonly ILiteCollection<Organisation> _organisations = database.Collection<Organisation>(CollectionName);

    // Every turn of a fokal reads their OPD (for the time zone); OPDs change a few times a year.
    private readonly EntityReadCache<Organisation> _byId = new(database, CollectionName, capacity: 1_024);

    public long Revision => database.WriteCounters.Read(CollectionName);

    public Organisation Insert(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        _organisations.Insert(organisation);
        return organisation;
    }

    /// <summary>The OPD, as a fresh object.</summary>
    public Organisation? Get(int id) =>
        _byId.Get(id.ToString(System.Globalization.CultureInfo.InvariantCulture), organisations => organisations.FindById(id));

    public void Update(Organisation organisation) => _organisations.Update(organisation);

    public IReadOnlyList<Organisation> ListAll() => _organisations.FindAll().OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>By short name or full name, ignoring case and surrounding spaces.</summary>
    public Organisation? FindByName(string name)
    {
        var wanted = name.Trim();
        return ListAll().FirstOrDefault(o =>
            string.Equals(o.ShortName, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
