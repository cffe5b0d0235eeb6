namespace Bot.Dialogs.Menu;

/// <summary>The menu words a user may type, in Indonesian or English.</summary>
internal static class MenuWords
{
    private static readonly Dictionary<string, MenuWord> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bantuan"] = MenuWord.Help,
        ["help"] = MenuWord.Help,
        ["menu"] = MenuWord.Help,
        ["tolong"] = MenuWord.Help,
        ["tentang sinergi"] = MenuWord.About,
        ["about sinergi"] = MenuWord.About,
        ["tentang"] = MenuWord.About,
        ["halo"] = MenuWord.Greeting,
        ["hai"] = MenuWord.Greeting,
        ["hi"] = MenuWord.Greeting,
        ["hello"] = MenuWord.Greeting,
        ["mulai"] = MenuWord.Greeting,
        ["start"] = MenuWord.Greeting,
        ["tanya aturan"] = MenuWord.AskLaw,
        ["tanya"] = MenuWord.AskLaw,
        ["ask about the law"] = MenuWord.AskLaw,
    };

    public static MenuWord Classify(string text)
    {
        var normalized = text.Trim().TrimEnd('!', '.', '?').Trim();
        return Words.TryGetValue(normalized, out var word) ? word : MenuWord.None;
    }
}

internal enum MenuWord
{
    None,
    Help,
    About,
    Greeting,
    AskLaw,
}
