using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Questions;

/// <summary>The framing of Q&amp;A replies.</summary>
internal static class QuestionTexts
{
    public static readonly LocalizedText Sources = new("**Sumber:**", "**Sources:**");

    public static readonly LocalizedText ReadPrefix = new("Baca", "Read");

    public static readonly LocalizedText Explanation = new("**Penjelasan:**", "**Elucidation (Penjelasan):**");

    public static readonly LocalizedText Status = new("Status: {0}", "Status: {0}");

    public static readonly LocalizedText PackSummary = new(
        "_Ringkasan Sinergi; naskah resmi pasal ini belum diingest._",
        "_Sinergi's summary; the official text of this article has not been ingested._");

    public static readonly LocalizedText PassageNotFound = new(
        "Maaf, saya tidak menemukan *{0}* dalam sumber Sinergi.",
        "Sorry, I could not find *{0}* in Sinergi's sources.");

    public static readonly LocalizedText Unavailable = new(
        "Maaf, layanan tanya jawab sedang bermasalah. Silakan coba lagi sebentar lagi, atau hubungi Call Center BNN **184**.",
        "Sorry, the question service is having trouble. Please try again shortly, or call the BNN call center **184**.");
}
