namespace Bot.Knowledge.Answering;

/// <summary>The framing texts of answers, Indonesian and English.</summary>
internal static class AnswerTexts
{
    public static bool IsEnglish(string? locale) => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string NotCovered(string? locale) => IsEnglish(locale)
        ? "Sorry, that question is not covered by Sinergi's sources (the P4GN regulations it holds), so I will not guess. " +
          "Please call the BNN call center **184** (24 hours) or contact your local BNNK office."
        : "Maaf, pertanyaan itu belum tercakup dalam sumber Sinergi (regulasi P4GN yang tersedia), jadi saya tidak akan menebak. " +
          "Silakan hubungi **Call Center BNN 184** (24 jam) atau kantor BNNK setempat.";

    public static string OutOfDomain(string? locale) => IsEnglish(locale)
        ? "Sorry, I only answer questions about narcotics and P4GN (drug prevention, rehabilitation and the law). " +
          "Try for example *what is wajib lapor?*"
        : "Maaf, saya hanya menjawab pertanyaan seputar narkotika dan P4GN (pencegahan, rehabilitasi, dan aturan hukumnya). " +
          "Coba tanyakan misalnya *apa itu wajib lapor?*";

    public static string Empty(string? locale) => IsEnglish(locale)
        ? "Please type your question, e.g. *what is wajib lapor?*"
        : "Silakan ketik pertanyaan Anda, misalnya *apa itu wajib lapor?*";

    public static string EnglishLead => "From Sinergi's sources (quoted in Indonesian):";
}
