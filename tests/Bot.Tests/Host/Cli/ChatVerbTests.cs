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
        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.Welcome.For("id-ID")), output, StringComparison.Ordinal);
        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.Help.For("id-ID")), output, StringComparison.Ordinal);
        Assert.Contains("  4. Tentang Sinergi", output, StringComparison.Ordinal);
        // "4" sent the fourth suggested action, so the about text was answered.
        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.About.For("id-ID")), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpeaksEnglishWithTheEnOption()
    {
        var (_, output) = await ChatAsync("help\nexit\n", "--en");

        Assert.Contains("Sinergi: " + FirstLine(MenuTexts.Welcome.For("en-US")), output, StringComparison.Ordinal);
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

    private static string FirstLine(string text) => text.Split('\n')[0];
}
