namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>Words that interrupt any question: they are never taken as an answer.</summary>
internal static class InterruptionWords
{
    private static readonly Dictionary<string, Interruption> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["batal"] = Interruption.Cancel,
        ["batalkan"] = Interruption.Cancel,
        ["cancel"] = Interruption.Cancel,
        ["stop"] = Interruption.Cancel,
        ["berhenti"] = Interruption.Cancel,
        ["bantuan"] = Interruption.Help,
        ["help"] = Interruption.Help,
        ["tolong"] = Interruption.Help,
        ["?"] = Interruption.Help,
        ["menu"] = Interruption.Menu,
        ["kembali"] = Interruption.Back,
        ["back"] = Interruption.Back,
        ["sebelumnya"] = Interruption.Back,
        ["nanti"] = Interruption.Park,
        ["nanti saja"] = Interruption.Park,
        ["lanjut nanti"] = Interruption.Park,
        ["simpan draf"] = Interruption.Park,
        ["simpan draft"] = Interruption.Park,
        ["later"] = Interruption.Park,
        ["save draft"] = Interruption.Park,
    };

    public static Interruption Classify(string text) =>
        text.Length <= 20 && Words.TryGetValue(text.Trim().TrimEnd('!', '.').Trim(), out var word) ? word : Interruption.None;
}

internal enum Interruption
{
    None,
    Cancel,
    Help,
    Menu,
    Back,

    /// <summary>Keep the form as a draft for later (forms only; elsewhere the words are an ordinary answer).</summary>
    Park,
}
