namespace Bot.Dialogs.Domain;

/// <summary>The focus areas of the national action plan (DESIGN.md domain sketch).</summary>
public enum FocusArea
{
    Pencegahan,
    PemberdayaanMasyarakat,
    Rehabilitasi,
    Pemberantasan,
    KelembagaanKebijakan,
}
