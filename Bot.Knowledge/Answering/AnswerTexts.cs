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

    /// <summary>The question a bare drug name stands for ("sabu" is read as "apa itu sabu").</summary>
    public static string WhatIs(string name, string? locale) => IsEnglish(locale) ? $"what is {name}" : $"apa itu {name}";

    /// <summary>The question back after the answer to a bare drug name.</summary>
    public static string AskMore(string name, string? locale) => IsEnglish(locale)
        ? $"What would you like to know about **{name}**? For example its class under the law, the penalties, or how to get rehabilitation; just type your question."
        : $"Apa yang ingin Anda ketahui tentang **{name}**? Misalnya golongannya menurut undang-undang, ancaman pidananya, atau cara mendapat rehabilitasi; ketik saja pertanyaannya.";

    public static string EnglishLead => "From Sinergi's sources (quoted in Indonesian):";
}
