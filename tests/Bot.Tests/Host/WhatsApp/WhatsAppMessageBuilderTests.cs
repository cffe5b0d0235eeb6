using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Host.WhatsApp;

public sealed class WhatsAppMessageBuilderTests
{
    [Theory]
    [InlineData("**Sinergi** membantu", "*Sinergi* membantu")]
    [InlineData("ketik *bantuan* saja", "ketik _bantuan_ saja")]
    [InlineData("## Rencana aksi\nisi", "*Rencana aksi*\nisi")]
    [InlineData("- satu\n- dua", "• satu\n• dua")]
    [InlineData("lihat [Inpres 2/2020](https://jdih.example/inpres) ya", "lihat Inpres 2/2020: https://jdih.example/inpres ya")]
    [InlineData("~~lama~~ baru", "~lama~ baru")]
    [InlineData("harga 2 * 3 = 6", "harga 2 * 3 = 6")]
    public void MarkdownBecomesWhatsAppMarks(string markdown, string expected) =>
        Assert.Equal(expected, WhatsAppMarkdown.Convert(markdown));

    [Fact]
    public void TruncationNeverSplitsAnEmoji()
    {
        var title = "Laporan 👨‍👩‍👧 keluarga";
        var cut = WhatsAppMarkdown.Truncate(title, 12);

        Assert.True(cut.Length <= 12);
        Assert.Equal("Laporan…", cut);
        Assert.Equal("Laporan 👨‍👩‍👧…", WhatsAppMarkdown.Truncate(title, 18));
    }

    [Fact]
    public void LinksAndFilesAreSentAsTextAndMediaWithTheTextLast()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Unduh panduan",
            Attachments =
            [
                new Attachment { ContentType = "application/pdf", ContentUrl = "https://files.example/panduan.pdf", Name = "panduan.pdf" },
                new Attachment { ContentType = "image/png", ContentUrl = "https://files.example/peta.png" },
                new Attachment { ContentType = "image/png", ContentUrl = "data:image/png;base64,AAAA", Name = "inline.png" },
            ],
            SuggestedActions = new SuggestedActions { Actions = [CardAction.OpenUrl("Situs BNN", "https://bnn.go.id")] },
        };

        var rendered = WhatsAppMessageBuilder.Render(activity, "628");

        Assert.Equal(["document", "image", "text"], rendered.Messages.Select(m => m["type"]!.GetValue<string>()));
        Assert.Equal("panduan.pdf", rendered.Messages[0]["document"]!["filename"]!.GetValue<string>());
        Assert.Equal("Unduh panduan\n\nSitus BNN: https://bnn.go.id", rendered.Messages[2]["text"]!["body"]!.GetValue<string>());
        Assert.True(rendered.Messages[2]["text"]!["preview_url"]!.GetValue<bool>());
    }

    [Fact]
    public void AHeroCardBecomesTextWithItsButtons()
    {
        var card = JsonSerializer.SerializeToElement(new
        {
            title = "RA-2027-001",
            text = "Sosialisasi P4GN di 12 sekolah",
            buttons = new[] { new { type = "imBack", title = "Lapor", value = "lapor RA-2027-001" }, new { type = "imBack", title = "Ubah", value = "ubah RA-2027-001" } },
        });
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = CardText.HeroCard, Content = card }] };

        var message = Assert.Single(WhatsAppMessageBuilder.Render(activity, "628").Messages);

        Assert.Equal("*RA-2027-001*\nSosialisasi P4GN di 12 sekolah", message["interactive"]!["body"]!["text"]!.GetValue<string>());
        var buttons = message["interactive"]!["action"]!["buttons"]!.AsArray();
        Assert.Equal(["lapor RA-2027-001", "ubah RA-2027-001"], buttons.Select(b => b!["reply"]!["id"]!.GetValue<string>()));
        Assert.Equal(["Lapor", "Ubah"], buttons.Select(b => b!["reply"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void ButtonsWithATitleTooLongForAButtonBecomeAList()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Bidang?",
            SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Pencegahan"), CardAction.ImBack("Kelembagaan/Kebijakan")] },
        };

        var message = Assert.Single(WhatsAppMessageBuilder.Render(activity, "628").Messages);

        Assert.Equal("list", message["interactive"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void TypingAndOtherNonMessagesSendNothing() =>
        Assert.Empty(WhatsAppMessageBuilder.Render(new Activity { Type = ActivityTypes.Typing }, "628").Messages);
}
