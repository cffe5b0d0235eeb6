namespace Bot.Dialogs.Understanding.Entities;

/// <summary>The OPDs that exist now, ready for matching (rebuilt only when the OPDs change).</summary>
public interface IKnownOrganisations
{
    OrganisationMatcher Matcher { get; }
}

/// <summary>A fixed list of OPDs (the eval verb's, and tests').</summary>
public sealed class FixedOrganisations(IReadOnlyList<KnownOrganisation> organisations) : IKnownOrganisations
{
    public OrganisationMatcher Matcher { get; } = new(organisations);
}
