using Bot.Dialogs.Engine;
using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Dialogs.Engine;

/// <summary>
/// User text inside the bot's Markdown (issue 14, finding 14). The rendering itself is checked in the official
/// Web Chat (<c>UserTextInWebChatTests</c>); here, what the escaping does and undoes.
/// </summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("[Buka dasbor di sini](http://evil.example/masuk)", @"\[Buka dasbor di sini\](http\:\//evil\.example/masuk)")]
    [InlineData("<img src=x onerror=alert(1)>", @"\<img src=x onerror=alert(1)\>")]
    [InlineData("**tebal** _miring_ `kode` ~~coret~~", @"\*\*tebal\*\* \_miring\_ \`kode\` \~\~coret\~\~")]
    [InlineData("www.evil.example dan //localhost/x", @"www\.evil\.example dan \//localhost/x")]
    [InlineData("# Judul\n- butir\n1. satu\n    kode\n> kutipan", "\\# Judul\n\\- butir\n1\\. satu\nkode\n\\> kutipan")]
    [InlineData("Rp 1.500.000, RA-2027-001 (B6), 45%", "Rp 1.500.000, RA-2027-001 (B6), 45%")]
    [InlineData("&lt; {onclick=x} a|b", @"\&lt; \{onclick=x\} a\|b")]
    public void UserTextIsEscapedSoThatNothingInItIsMarkdown(string typed, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(typed));

    [Theory]
    [InlineData("[Buka dasbor di sini](http://evil.example/masuk)")]
    [InlineData("Dinas *Kesehatan* <b> & www.bnn.go.id")]
    [InlineData("1. nomor\n- butir")]
    public void UnescapingGivesTheTypedTextBack(string typed) =>
        Assert.Equal(typed, MarkdownText.Unescape(MarkdownText.Escape(typed)));

    [Fact]
    public void FormatEscapesTextArgumentsButNotTheBotsOwnMarkdownOrNumbers()
    {
        var text = new LocalizedText("**{0}** {1} {2} {3}", "x");

        var shown = text.Format("id-ID", "[x](http://e.example)", new Markdown("- **ok**"), 1500.5m, "RA-2027-001");

        Assert.Equal(@"**\[x\](http\:\//e\.example)** - **ok** 1500.5 RA-2027-001", shown);
    }

    [Fact]
    public void WhatsAppShowsEscapedUserTextAsTypedAndDoesNotTurnItIntoALink()
    {
        var message = "Judul: " + MarkdownText.Escape("[Buka](http://evil.example/masuk) *x*") + "\n\n**Tebal**";

        var whatsApp = WhatsAppMarkdown.Convert(message);

        Assert.Equal("Judul: [Buka](http://evil.example/masuk) *x*\n\n*Tebal*", whatsApp);
    }
}
