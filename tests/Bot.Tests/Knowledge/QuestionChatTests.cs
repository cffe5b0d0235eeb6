using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary>Q&amp;A in the conversation: any free text is a question; sources and a read-the-article button follow.</summary>
public sealed class QuestionChatTests : IDisposable
{
    private readonly KnowledgeHost _host = new(withDialogs: true);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AFreeTextQuestionGetsAnAnswerWithSourcesAndReadButtons()
    {
        var reply = await SendAsync("Siapa yang wajib melaporkan pecandu yang belum cukup umur?", "id-ID");

        Assert.Contains("**Sumber:**\n- ", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(reply.SuggestedActions);
        Assert.NotEmpty(reply.SuggestedActions.Actions);
        foreach (var action in reply.SuggestedActions.Actions)
        {
            Assert.StartsWith("Baca ", action.SentText, StringComparison.Ordinal);
            var key = action.SentText![5..];
            Assert.Contains($"- {key} — ", reply.Text, StringComparison.Ordinal);
            Assert.Contains($"({key})", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheReadButtonShowsTheWholePassageWithItsStatus()
    {
        var reply = await SendAsync("Baca UU 35/2009 Pasal 55", "id-ID");

        Assert.StartsWith("**UU 35/2009 Pasal 55** — Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Status:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("belum diingest", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownArticleIsSaidToBeMissing()
    {
        var reply = await SendAsync("Baca UU 35/2009 Pasal 999", "id-ID");

        Assert.Contains("tidak menemukan", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishUsersGetEnglishFraming()
    {
        var reply = await SendAsync("Who must report an underage addict?", "en-US");

        Assert.StartsWith("From Sinergi's sources", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**Sources:**", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.SentText!.StartsWith("Read ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmergencyGetsTheEmergencyRouteWithItsSources()
    {
        var reply = await SendAsync("tolong temen saya kejang-kejang dan ga sadar habis pakai sabu", "id-ID");

        Assert.StartsWith("**Ini keadaan darurat.**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("119", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Layanan Darurat 119 — ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Call Center BNN 184 — ", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.SuggestedActions is null || reply.SuggestedActions.Actions.Count == 0, "an emergency reply carries no read buttons");
    }

    [Fact]
    public async Task AQuestionOutsideTheDomainGetsAShortAnswerWithoutSourcesOrButtons()
    {
        var reply = await SendAsync("resep sayur lodeh yang enak gimana?", "id-ID");

        Assert.StartsWith("Maaf, saya hanya menjawab pertanyaan seputar narkotika dan P4GN", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sumber:", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("184", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.SuggestedActions is null || reply.SuggestedActions.Actions.Count == 0);
    }

    [Fact]
    public async Task MenuWordsStillGoToTheMenu()
    {
        var reply = await SendAsync("bantuan", "id-ID");

        Assert.DoesNotContain("Sumber:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Tanya aturan", reply.Text, StringComparison.Ordinal);
    }

    private async Task<Activity> SendAsync(string text, string locale)
    {
        var message = Some.Message("c-" + Guid.NewGuid().ToString("N"), "u1", text) with { Locale = locale };
        var result = await _host.Get<TurnProcessor>().ProcessAsync(message, TestContext.Token);
        return Assert.Single(result.Replies);
    }
}
