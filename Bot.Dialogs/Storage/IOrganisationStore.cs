using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>The OPDs.</summary>
public interface IOrganisationStore
{
    Organisation Insert(Organisation organisation);

    /// <summary>The OPD, as a fresh object.</summary>
    Organisation? Get(int id);

    void Update(Organisation organisation);

    /// <summary>Every OPD, by name.</summary>
    IReadOnlyList<Organisation> ListAll();

    /// <summary>By short name or full name, ignoring case and surrounding spaces.</summary>
    Organisation? FindByName(string name);

    /// <summary>
    /// A number that changes whenever any OPD is written (committed or not): what a cache of something derived from
    /// every OPD compares to know it is still valid.
    /// </summary>
    long Revision { get; }
}
