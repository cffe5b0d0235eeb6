using Bot.Dialogs.Understanding;

namespace Bot.Tests.Understanding;

/// <summary>The documented command syntax (README "Conversations", the buttons) is recognised with certainty, arguments as typed.</summary>
public sealed class TypedCommandsTests
{
    [Theory]
    [InlineData("daftar opd", Intents.ListOrganisations, "")]
    [InlineData("tambah opd Dinas Sosial (Dinsos) WIT", Intents.AddOrganisation, "Dinas Sosial (Dinsos) WIT")]
    [InlineData("undang Dinkes", Intents.Invite, "Dinkes")]
    [InlineData("gabung K7M2QX9A", Intents.Join, "K7M2QX9A")]
    [InlineData("admin ABCDEFGH2345", Intents.AdminCode, "ABCDEFGH2345")]
    [InlineData("siapa saya", Intents.WhoAmI, "")]
    [InlineData("verifikasi", Intents.Verify, "")]
    [InlineData("rencana aksi baru", Intents.RegisterCommitment, "")]
    [InlineData("rencana aksi saya", Intents.ListCommitments, "")]
    [InlineData("lihat RA-2027-001", Intents.ShowCommitment, "RA-2027-001")]
    [InlineData("ubah RA-2027-001", Intents.EditCommitment, "RA-2027-001")]
    [InlineData("batalkan RA-2027-001", Intents.CancelCommitment, "RA-2027-001")]
    [InlineData("lapor progres", Intents.ReportProgress, "")]
    [InlineData("lapor RA-2027-001 B6", Intents.ReportProgress, "RA-2027-001 B6")]
    [InlineData("lapor", Intents.ReportTip, "")]
    [InlineData("Lapor narkoba", Intents.ReportTip, "")]
    [InlineData("cek TIP-7K3Q-9XWD", Intents.CheckTip, "TIP-7K3Q-9XWD")]
    [InlineData("tambah info TIP-7K3Q-9XWD", Intents.AddTipInfo, "TIP-7K3Q-9XWD")]
    [InlineData("dasbor", Intents.Dashboard, "")]
    [InlineData("belum lapor B6 2026", Intents.Missing, "B6 2026")]
    [InlineData("siapa yang belum lapor B6?", Intents.Missing, "B6")]
    [InlineData("ingatkan semua", Intents.Nudge, "semua")]
    [InlineData("ingatkan Dinkes", Intents.Nudge, "Dinkes")]
    [InlineData("ringkasan", Intents.Summary, "")]
    [InlineData("ingatkan besok RA-2027-014 B6", Intents.Snooze, "RA-2027-014 B6")]
    [InlineData("tunda 3 hari RA-2027-014 B6", Intents.Snooze, "RA-2027-014 B6")]
    [InlineData("sudah selesai RA-2027-014 B6", Intents.AlreadyDone, "RA-2027-014 B6")]
    [InlineData("tautkan", Intents.LinkAccount, "")]
    [InlineData("tautkan K7M2QX9A", Intents.LinkAccount, "K7M2QX9A")]
    [InlineData("Baca UU 35/2009 Pasal 54", Intents.Question, "UU 35/2009 Pasal 54")]
    [InlineData("bantuan", Intents.Help, "")]
    [InlineData("?", Intents.Help, "")]
    [InlineData("batal", Intents.Cancel, "")]
    [InlineData("kembali", Intents.Back, "")]
    [InlineData("menu", Intents.Menu, "")]
    [InlineData("new action plan", Intents.RegisterCommitment, "")]
    [InlineData("report drugs", Intents.ReportTip, "")]
    [InlineData("not reported B12", Intents.Missing, "B12")]
    public void RecognisesTheDocumentedSyntax(string text, string intent, string argument) =>
        Assert.Equal((intent, argument), TypedCommands.Match(text));

    [Theory]
    [InlineData("cek jadwal")] // "cek" needs a tracking code
    [InlineData("lihat semua rencana aksi")] // "lihat" needs a commitment code
    [InlineData("tautkan akun saya")] // "tautkan" takes one code
    [InlineData("mau tambah rencana aksi")]
    [InlineData("ingatkan besok")] // the reminder buttons always carry the code
    public void LeavesEverythingElseToTheModel(string text) => Assert.Null(TypedCommands.Match(text));

    [Fact]
    public void APastedDocumentIsNoCommand() => Assert.Null(TypedCommands.Match("tambah opd " + new string('x', 400)));
}
