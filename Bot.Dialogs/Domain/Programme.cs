namespace Bot.Dialogs.Domain;

/// <summary>Programme tags of a commitment (DESIGN.md domain sketch).</summary>
public enum Programme
{
    DesaBersinar,
    Kotan,
    KetahananKeluarga,
    RemajaTemanSebaya,
    PemberdayaanAlternatif,
    TesUrine,
    SosialisasiAdvokasi,
    Lainnya,
}
