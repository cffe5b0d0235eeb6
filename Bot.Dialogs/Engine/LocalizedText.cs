namespace Bot.Dialogs.Engine;

/// <summary>A user-facing text in Indonesian (the default) and English.</summary>
public sealed record LocalizedText(string Id, string En)
{
    /// <summary>Picks the language: English when the locale starts with "en", Indonesian otherwise.</summary>
    public string For(string? locale) => IsEnglish(locale) ? En : Id;

    public static bool IsEnglish(string? locale) => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fills numbered holes ({0}, {1}, …) in the chosen language.</summary>
    public string Format(string? locale, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, For(locale), args);
}
