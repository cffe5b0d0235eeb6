namespace Bot.Knowledge.Passages;

/// <summary>
/// How to send an anonymous tip through Sinergi's own tip line (the chat's "lapor" / "report drugs" command): the
/// protection answer and every answer on the public's right to report (UU 35/2009 Pasal 106 and 107) end with it,
/// so that someone who wants to report learns the way, not only that it is allowed.
/// </summary>
public static class TipLineNote
{
    /// <summary>The articles on the public's right and way to report; an answer citing one carries the note.</summary>
    public static readonly IReadOnlySet<string> ReportingKeys = new HashSet<string>(StringComparer.Ordinal) { "UU 35/2009 Pasal 106", "UU 35/2009 Pasal 107" };

    public const string Indonesian =
        "**Cara melapor tanpa menyebut nama:** ketik **lapor** di chat ini. Sinergi menanyakan apa yang terjadi, di mana dan kapan; " +
        "nama dan nomor HP Anda tidak diminta, dan Anda mendapat kode untuk mengecek laporannya. Bisa juga lewat **Call Center BNN 184** atau BNNK setempat.";

    public const string English =
        "**How to report without giving your name:** type **report drugs** in this chat. Sinergi asks what happens, where and when; " +
        "your name and phone number are not asked for, and you get a code to check on your report. You can also call the **BNN call center 184** or your local BNNK.";
}
