namespace Bot.Dialogs.Understanding.Entities;

/// <summary>Entity names as the training files annotate them.</summary>
public static class EntityNames
{
    public const string CommitmentCode = "ra_code";
    public const string Period = "period";
    public const string Year = "year";
    public const string TipCode = "tip_code";
    public const string TimeZone = "time_zone";
    public const string Organisation = "opd";
    public const string Scope = "scope";
    public const string Duration = "duration";
    public const string Amount = "amount";
    public const string Person = "person";
    public const string Role = "role";
    public const string JobTitle = "job_title";

    /// <summary>The codes a coordinator or the host hands out; the intent says which one a message carries.</summary>
    public const string Code = "code";

    public static readonly IReadOnlyList<string> CodeKinds = ["invite_code", "admin_code", "link_code", "signin_code"];

    /// <summary>Annotated names that all mean <see cref="Code"/>.</summary>
    public static string Canonical(string name) => CodeKinds.Contains(name) ? Code : name;
}
