namespace Bot.Dialogs.Engine;

/// <summary>A user-facing text in Indonesian (the default) and English.</summary>
public sealed record LocalizedText(string Id, string En)
{
    /// <summary>Picks the language: English when the locale starts with "en", Indonesian otherwise.</summary>
    public string For(string? locale) => IsEnglish(locale) ? En : Id;

    public static bool IsEnglish(string? locale) => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Fills numbered holes ({0}, {1}, …) in the chosen language. Text arguments are shown as text
    /// (<see cref="MarkdownText.Escape"/>): most carry what users typed; a fragment the bot built as Markdown is
    /// passed as <see cref="Markdown"/>. Numbers, dates and other values are formatted as before.
    /// </summary>
    public string Format(string? locale, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shown = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            shown[i] = args[i] switch
            {
                string text => MarkdownText.Escape(text),
                Markdown fragment => fragment.Value,
                var other => other,
            };
        }

        return string.Format(System.Globalization.CultureInfo.InvariantCulture, For(locale), shown);
    }
}
