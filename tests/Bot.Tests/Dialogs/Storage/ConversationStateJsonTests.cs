using System.Text.Json.Nodes;
using Bot.Dialogs.Commitments;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Storage;

/// <summary>
/// Dialog state is JSON (System.Text.Json) inside the LiteDB record: a form half-way through (its answers, the order
/// they were given in, the pending question, its draft) survives a restart on a real database file, and a state
/// written as BSON by the code before this change (a real data folder, Fixtures/LegacyBsonState) still resumes.
/// </summary>
public sealed class ConversationStateJsonTests : IDisposable
{
    private const string StateKey = "test|conv-budi";
    private const string UserKey = "test|budi";

    private static readonly string[] SixAnswers = ["FocusArea", "Programme", "Title", "OutputIndicator", "Target", "Location"];

    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AFormHalfWayThroughIsStoredAsJsonAndFinishesAfterARestart()
    {
        var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await ConversationScenarios.AnswerUpToTheBudgetAsync(fokal);

        var stored = host.Get<SinergiDatabase>().Raw.GetCollection("conversation_states").FindById(StateKey);
        Assert.False(stored.ContainsKey("Stack"));
        var json = JsonNode.Parse(stored["Json"].AsBinary)!;
        var form = json["Stack"]![0]!;
        Assert.Equal(RegisterCommitmentDialog.DialogId, form["DialogId"]!.GetValue<string>());
        Assert.Equal(SixAnswers, Names(form["State"]!["h"]));
        Assert.Contains("Unit", Names(form["State"]!["a"]));
        Assert.Equal("Budget", form["State"]!["p"]!.GetValue<string>());
        Assert.Equal("Sosialisasi bahaya narkoba di SMA", form["State"]!["s"]!["Draft"]!["Title"]!.GetValue<string>());
        Assert.Equal("Pencegahan", form["State"]!["s"]!["Draft"]!["FocusArea"]!.GetValue<string>());
        Assert.Equal(1500m, form["State"]!["s"]!["Draft"]!["TargetValue"]!.GetValue<decimal>());

        // The draft copy of the form keeps its frames as JSON text too.
        var draft = host.Get<SinergiDatabase>().Raw.GetCollection("form_drafts").FindAll().Single();
        Assert.True(draft["Stack"].AsArray[0]["State"].IsString);
        host.Dispose();

        using var restarted = new DialogsHost(_folder.Path);
        fokal.Host = restarted;
        await FinishAsync(fokal, restarted);
    }

    [Fact]
    public async Task AStateSavedAsBsonBeforeTheChangeIsConvertedOnceAndTheFormContinues()
    {
        CopyLegacyFixture();
        using var host = new DialogsHost(_folder.Path);
        var states = host.Get<SinergiDatabase>().Raw.GetCollection("conversation_states");
        Assert.True(states.FindById(StateKey)["Stack"].IsArray, "the fixture is not in the old BSON shape");

        // The old draft (BSON frames in form_drafts) reads back with its history.
        var user = host.Get<IUserStore>().FindByAccount(UserKey)!;
        var draft = host.Get<IFormDraftStore>().Find(user.Id, RegisterCommitmentDialog.DialogId)!;
        Assert.Equal(SixAnswers, Names(draft.Stack[0].State["h"]));

        // The old conversation state loads with the same stack and version.
        var state = host.Get<IConversationStateStore>().Load(StateKey);
        Assert.Equal(SixAnswers, Names(state.Stack[0].State["h"]));
        Assert.True(state.Version > 0);

        var fokal = new ConversationDriver(host, "budi");
        await FinishAsync(fokal, host);

        var converted = states.FindById(StateKey);
        Assert.False(converted.ContainsKey("Stack"));
        Assert.True(converted["Json"].IsBinary);
        Assert.True(converted["Version"].AsInt32 > state.Version);
    }

    /// <summary>"kembali" walks the restored history back to the location; the earlier answers all reach the plan.</summary>
    private static async Task FinishAsync(ConversationDriver fokal, DialogsHost host)
    {
        await fokal.SayAsync("kembali", "lokasi");
        await fokal.SayAsync("Kecamatan Kandangan", "anggaran");
        await fokal.SayAsync("Rp 25 juta", "tenggat");
        await fokal.SayAsync("30 Juni", "periode pelaporan");
        await fokal.SayAsync("B6 dan B12", "Ringkasan", "Sosialisasi bahaya narkoba di SMA", "1.500 orang", "Kecamatan Kandangan");
        await fokal.SayAsync("ya", "Tersimpan sebagai **RA-2027-001**");

        var saved = host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!;
        Assert.Equal("Sosialisasi bahaya narkoba di SMA", saved.Title);
        Assert.Equal("jumlah siswa yang mengikuti sosialisasi", saved.OutputIndicator);
        Assert.Equal(1500m, saved.TargetValue);
        Assert.Equal("Kecamatan Kandangan", saved.Location);
        Assert.Equal(25_000_000m, saved.Budget);
        Assert.Equal(new DateOnly(2027, 6, 30), saved.Deadline);
        Assert.Empty(host.Get<IConversationStateStore>().Load(StateKey).Stack);
    }

    private static string[] Names(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private void CopyLegacyFixture()
    {
        var fixture = Path.Combine(RepositoryRoot(), "tests", "Bot.Tests", "Fixtures", "LegacyBsonState");
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(_folder.Path, Path.GetFileName(file)));
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Bot.sln) is not above " + AppContext.BaseDirectory);
    }

    public void Dispose() => _folder.Dispose();
}
