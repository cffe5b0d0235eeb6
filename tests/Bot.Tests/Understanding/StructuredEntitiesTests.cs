using Bot.Dialogs.Understanding.Entities;

namespace Bot.Tests.Understanding;

/// <summary>The codes and periods people type, in the spellings they use, read to the values the features need.</summary>
public sealed class StructuredEntitiesTests
{
    [Theory]
    [InlineData("lapor RA-2026-001 B6", "RA-2026-001")]
    [InlineData("lihat ra 2026 1", "RA-2026-001")]
    [InlineData("detail RA2026001", "RA-2026-001")]
    [InlineData("ubah ra-2027-14 dong", "RA-2027-014")]
    [InlineData("RA 2027 014 gimana", "RA-2027-014")]
    [InlineData("gmn status ra2026-3?", "RA-2026-003")]
    [InlineData("cek RA.2027.0123", "RA-2027-123")]
    public void ReadsACommitmentCodeInAnySpelling(string text, string code) =>
        Assert.Equal(code, Single(text, EntityNames.CommitmentCode));

    [Theory]
    [InlineData("lapor B6", "B6")]
    [InlineData("belum lapor b 12", "B12")]
    [InlineData("laporan B-6", "B6")]
    [InlineData("lapor capaian semester 1", "B6")]
    [InlineData("rekap smt 2", "B12")]
    [InlineData("laporan akhir tahun", "B12")]
    [InlineData("lapor realisasi tengah tahun", "B6")]
    [InlineData("report for mid-year", "B6")]
    [InlineData("end of the year report", "B12")]
    public void ReadsAPeriod(string text, string period) =>
        Assert.Equal(period, Single(text, EntityNames.Period));

    [Theory]
    [InlineData("cek TIP-7K3Q-9XWD", "TIP-7K3Q-9XWD")]
    [InlineData("cek tip 7k3q 9xwd", "TIP-7K3Q-9XWD")]
    [InlineData("status TIP7K3Q9XWD ya", "TIP-7K3Q-9XWD")]
    [InlineData("cek TIP-ABCD-7890", "TIP-ABCD-7890")] // 0 is not in the alphabet: kept as typed, so the lookup says "not found"
    public void ReadsATrackingCode(string text, string code) =>
        Assert.Equal(code, Single(text, EntityNames.TipCode));

    [Theory]
    [InlineData("ingatkan besok RA-2027-001 B6", "1")]
    [InlineData("tunda 3 hari", "3")]
    [InlineData("tunda seminggu ya", "7")]
    [InlineData("remind me in 2 days", "2")]
    [InlineData("ingatkan lusa", "2")]
    [InlineData("tunda 100 hari", "100")] // out of range is the handler's to say
    public void ReadsADelay(string text, string days) =>
        Assert.Equal(days, Single(text, EntityNames.Duration));

    [Fact]
    public void ReadsYearsZonesAndIssuedCodesWithoutConfusingThem()
    {
        var found = StructuredEntities.Find("belum lapor B12 2026, tambah opd Dinkes WIB, gabung K7M2QX9A, lapor RA-2026-004");

        Assert.Equal(
            ["period=B12", "year=2026", "time_zone=WIB", "code=K7M2QX9A", "ra_code=RA-2026-004"],
            found.Select(m => $"{m.Name}={m.Value}"));
    }

    [Theory]
    [InlineData("tambah rencana aksi")]
    [InlineData("siapa aja yg blm lapor")]
    [InlineData("1500 orang")]
    [InlineData("ABCDEFGH")] // a code of letters only is found from the command's words, not from its shape
    public void FindsNothingInPlainWords(string text) => Assert.Empty(StructuredEntities.Find(text));

    [Fact]
    public void IgnoresAPastedDocument() => Assert.Empty(StructuredEntities.Find("lapor RA-2026-001 " + new string('x', 400)));

    private static string Single(string text, string entity) =>
        Assert.Single(StructuredEntities.Find(text), m => m.Name == entity).Value;
}
