using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>The OPDs of the database, matched from memory; the matcher is rebuilt only after a write to the OPDs.</summary>
internal sealed class StoredOrganisations(OrganisationStore store, SinergiDatabase database) : IKnownOrganisations
{
    private readonly CollectionReadCache<OrganisationMatcher> _matcher = new(database, OrganisationStore.CollectionName, capacity: 1);

    public OrganisationMatcher Matcher => _matcher.Get("all", () =>
        new OrganisationMatcher(store.ListAll().Select(o => new KnownOrganisation(o.Id, o.Name, o.ShortName)).ToList()));
}
