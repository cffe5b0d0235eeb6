namespace Bot.Dialogs.Understanding.Entities;

/// <summary>An OPD as the matcher sees it: id, full name and short name, as the database holds them.</summary>
public sealed record KnownOrganisation(int Id, string Name, string ShortName);
