using Bot.Dialogs.Menu;
using Bot.Host.Cli;
using Bot.Tests.Support;

namespace Bot.Tests.Host.Cli;

/// <summary>The console chat verb, run in-process over the real services with redirected input and output.</summary>
public sealed class ChatVerbTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task WelcomesAnswersAndSendsANumberedChoice()
    {
        var (exit, output) = await ChatAsync("bantuan\n4\nkeluar\n");

        Assert.Equal(0, exit);
        Assert.Contains("Sinergi: Halo! Saya Sinergi, asisten P4GN", output, StringComparison.Ordinal);
        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.Help.For("id-ID")), output, StringComparison.Ordinal);
        Assert.Contains("         • Tanya aturan: ketik pertanyaan Anda, misalnya apa itu wajib lapor?", output, StringComparison.Ordinal);
        Assert.Contains("  4. Tentang Sinergi", output, StringComparison.Ordinal);
        // "4" sent the fourth suggested action, so the about text was answered.
        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.About.For("id-ID")), output, StringComparison.Ordinal);

        // Plain text when not on a terminal: no Markdown marks and no escape codes.
        Assert.DoesNotContain("**", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheChoicesOfAQuestionOnceAndTheNumberPicksTheOneShown()
    {
        var (_, output) = await ChatAsync("lapor\n2\nbatal\nkeluar\n");

        foreach (var choice in new[] { "1. Peredaran/transaksi", "2. Pemakaian", "3. Produksi/gudang", "4. Lainnya" })
        {
            Assert.True(Occurrences(output, choice) == 1, output);
        }

        // "2" chose the second option shown: the next question is about the drug use.
        Assert.Contains("Sinergi: Ceritakan", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersMarkdownForATerminal()
    {
        const string markdown = "**Ringkasan** untuk *Dinsos*:\n\n- [daftar-hadir.pdf](http://x/bukti/1)\n- `RA-2027-001`\n### Catatan";

        Assert.Equal("Ringkasan untuk Dinsos:\n\n• daftar-hadir.pdf (http://x/bukti/1)\n• RA-2027-001\nCatatan", TerminalMarkdown.Render(markdown, ansi: false));
        Assert.Equal("\u001b[1mRingkasan\u001b[0m untuk \u001b[3mDinsos\u001b[0m:", TerminalMarkdown.Render("**Ringkasan** untuk *Dinsos*:", ansi: true));
        Assert.Equal("2*3 = 6 dan 4 * 5", TerminalMarkdown.Render("2*3 = 6 dan 4 * 5", ansi: false));
    }

    [Fact]
    public void UserTextEscapedByTheBotPrintsAsTypedAndNeverAsFormatting()
    {
        const string typed = "[Buka dasbor di sini](http://evil.example/masuk) **tebal** _miring_ \\ `kode`";
        var reply = LocalizedTextOf("Judul: {0}").Format("id-ID", typed);

        Assert.Equal("Judul: " + typed, TerminalMarkdown.Render(reply, ansi: false));
        Assert.Equal("Judul: " + typed, TerminalMarkdown.Render(reply, ansi: true));
    }

    private static Bot.Dialogs.Engine.LocalizedText LocalizedTextOf(string text) => new(text, text);

    [Fact]
    public async Task SpeaksEnglishWithTheEnOption()
    {
        var (_, output) = await ChatAsync("help\nexit\n", "--en");

        Assert.Contains("Sinergi: Hello! I am Sinergi, the P4GN assistant", output, StringComparison.Ordinal);
        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.Help.For("en-US")), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndOfInputEndsTheConversation()
    {
        var (exit, output) = await ChatAsync("bantuan\n");

        Assert.Equal(0, exit);
        Assert.Contains(FirstLine(MenuTexts.Help.For("id-ID")), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOptionIsAnError()
    {
        var (exit, _) = await ChatAsync("", "--fr");

        Assert.Equal(2, exit);
    }

    public void Dispose() => _data.Dispose();

    private async Task<(int Exit, string Output)> ChatAsync(string input, params string[] args)
    {
        using var host = VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path });
        using var reader = new StringReader(input);
        await using var writer = new StringWriter();
        var exit = await ChatVerb.RunAsync(host.Services, args, reader, writer, TestContext.Token);
        return (exit, writer.ToString());
    }

    private static string FirstLine(string text) => TerminalMarkdown.Render(text.Split('\n')[0], ansi: false);

    private static int Occurrences(string text, string fragment) =>
        (text.Length - text.Replace(fragment, string.Empty, StringComparison.Ordinal).Length) / fragment.Length;
}
