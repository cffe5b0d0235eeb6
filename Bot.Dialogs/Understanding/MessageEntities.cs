using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// What a message names, resolved to the values the features use: codes in their canonical spelling, the period,
/// an OPD of the database, a number of days. Everything is optional; a handler asks for what it needs and lacks.
/// </summary>
public sealed record MessageEntities
{
    public static MessageEntities None { get; } = new();

    /// <summary>A commitment code, canonical ("RA-2026-001"), however it was typed.</summary>
    public string? CommitmentCode { get; init; }

    public ReportingPeriod? Period { get; init; }

    public int? Year { get; init; }

    /// <summary>A tip's tracking code: canonical ("TIP-7K3Q-9XWD") when valid, else as typed after "TIP".</summary>
    public string? TipCode { get; init; }

    /// <summary>An invite, admin, linking or sign-in code, upper-cased as typed.</summary>
    public string? Code { get; init; }

    /// <summary>WIB, WITA or WIT.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The OPD the message names, matched against the OPDs that exist (null when none matched).</summary>
    public OrganisationMatch? Organisation { get; init; }

    /// <summary>The message means every OPD ("semua", "all").</summary>
    public bool AllOrganisations { get; init; }

    /// <summary>A delay in days ("besok" = 1, "3 hari", "seminggu").</summary>
    public int? Days { get; init; }

    /// <summary>An amount or percentage, read by the same parser as the forms' number questions.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The free-text argument of the command as typed (a new OPD's name, a person, an unknown OPD).</summary>
    public string? Argument { get; init; }

    /// <summary>Every entity found, with where it was, for evaluation and logging counts.</summary>
    public IReadOnlyList<EntityMention> Mentions { get; init; } = [];
}

/// <summary>An entity found in a message: its name (as the training files spell it), canonical value and span.</summary>
public sealed record EntityMention(string Name, string Value, int Start, int Length);

/// <summary>An OPD the message named: its id and name in the database, and the words that named it.</summary>
public sealed record OrganisationMatch(int Id, string Name, string ShortName, string Text, double Score);
