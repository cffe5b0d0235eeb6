namespace Bot.Knowledge.Passages;

/// <summary>The caveat every penalty answer carries: the new KUHP changed some narcotics offences.</summary>
public static class KuhpNote
{
    public const string Status =
        "Ketentuan pidana: KUHP baru (UU 1/2023), berlaku sejak 2 Januari 2026, mengubah sebagian ketentuan pidana narkotika.";

    public const string Indonesian =
        "Catatan: KUHP baru (UU 1/2023) yang berlaku sejak 2 Januari 2026 mengubah sebagian ketentuan pidana narkotika, jadi angka ini perlu dicek dengan ketentuan terbaru.";

    public const string English =
        "Note: the new Criminal Code (KUHP, UU 1/2023), in force since 2 January 2026, changed some narcotics penalties, so check these figures against the current provisions.";
}
