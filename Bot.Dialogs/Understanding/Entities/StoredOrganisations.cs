using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>
/// The OPDs of the database, matched from memory; the matcher is rebuilt only after a write to the OPDs (the store's
/// <see cref="IOrganisationStore.Revision"/> moved). Understanding runs before a turn writes anything, so the matcher
/// is always built from committed OPDs.
/// </summary>
internal sealed class StoredOrganisations(IOrganisationStore store) : IKnownOrganisations
{
    private volatile Built? _built;

    public OrganisationMatcher Matcher
    {
        get
        {
            // The revision first, then the read: a write in between leaves the matcher stale by its own revision.
            var revision = store.Revision;
            if (_built is { } built && built.Revision == revision)
            {
                return built.Matcher;
            }

            var matcher = new OrganisationMatcher(store.ListAll().Select(o => new KnownOrganisation(o.Id, o.Name, o.ShortName)).ToList());
            _built = new Built(revision, matcher);
            return matcher;
        }
    }

    private sealed record Built(long Revision, OrganisationMatcher Matcher);
}
