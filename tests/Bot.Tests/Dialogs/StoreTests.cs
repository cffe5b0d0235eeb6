using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs;

public sealed class StoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void GivesCommitmentsSequentialCodesPerYearAndKeepsVersions()
    {
        using var host = new DialogsHost(_folder.Path);
        var store = host.Get<ICommitmentStore>();

        var first = store.Register(NewCommitment(2027), "U-1");
        var second = store.Register(NewCommitment(2027), "U-1");
        var edited = store.Change(second.Id, "Title", c => c.Title = "Tes urine ASN", c => c.Title, "U-1");

        Assert.Equal("RA-2027-001", first.Code);
        Assert.Equal("RA-2027-002", second.Code);
        Assert.Equal(2, edited.Version);
        Assert.Equal(["created", "Title"], store.History(second.Id).Select(v => v.Change));
        Assert.Equal("RA-2027-002", store.FindByCode(" ra-2027-002 ")?.Code);
    }

    [Fact]
    public void ContinuesTheYearsNumberingInADatabaseWrittenBeforeTheCodeCounter()
    {
        using var host = new DialogsHost(_folder.Path);
        var raw = host.Get<SinergiDatabase>().Collection<Commitment>("commitments");
        raw.Insert(WithCode(NewCommitment(2027), "RA-2027-001"));
        raw.Insert(WithCode(NewCommitment(2027), "RA-2027-002"));

        var next = host.Get<ICommitmentStore>().Register(NewCommitment(2027), "U-1");
        var other = host.Get<ICommitmentStore>().Register(NewCommitment(2028), "U-1");

        Assert.Equal("RA-2027-003", next.Code);
        Assert.Equal("RA-2028-001", other.Code);
    }

    [Fact]
    public void FindsAUserByAnyOfItsAccountsAcrossARestart()
    {
        string id;
        using (var host = new DialogsHost(_folder.Path))
        {
            id = host.Get<IUserStore>().GetOrCreate("directline|u1", "Sari", "id-ID").Id;
        }

        using var again = new DialogsHost(_folder.Path);
        Assert.Equal(id, again.Get<IUserStore>().GetOrCreate("directline|u1", "Sari", "id-ID").Id);
        Assert.Equal(Role.Warga, again.Get<IUserStore>().Get(id)?.Role);
    }

    [Fact]
    public void RefusesToChangeAnApprovedReport()
    {
        using var host = new DialogsHost(_folder.Path);
        var commitment = host.Get<ICommitmentStore>().Register(NewCommitment(2027), "U-1");
        var reports = host.Get<IProgressReportStore>();
        var report = reports.Save(new ProgressReport { CommitmentId = commitment.Id, OrganisationId = 1, Period = ReportingPeriod.B6, State = ReportState.Approved });

        report.Narrative = "diubah";
        Assert.Throws<InvalidOperationException>(() => reports.Save(report));
        Assert.Equal(string.Empty, reports.Get(report.Id)?.Narrative);
    }

    private static Commitment WithCode(Commitment commitment, string code)
    {
        commitment.Code = code;
        return commitment;
    }

    private static Commitment NewCommitment(int year) =>
        Reminders.ReminderHost.NewCommitment(organisationId: 1, new DateOnly(year, 6, 30), ReportingPeriod.B6);

    public void Dispose() => _folder.Dispose();
}
