using System.Text.Json.Nodes;
using Bot.Dialogs.Engine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.WhatsApp;

public sealed class MediaTests : WhatsAppFixture
{
    [Fact]
    public async Task AnImageIsDownloadedThroughGraphAndReadableAsEvidence()
    {
        var host = await StartHostAsync();
        var photo = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
        Graph.Media["MEDIA-77"] = (photo, "image/jpeg");
        var image = Webhook.Message("wamid.in.img", "image", DateTimeOffset.UtcNow, Webhook.User, new JsonObject
        {
            ["id"] = "MEDIA-77",
            ["mime_type"] = "image/jpeg",
            ["sha256"] = "abc",
            ["caption"] = "Sosialisasi di SMPN 1",
        });

        await PostOkAsync(host, Webhook.Envelope([image]));
        await Graph.WaitForAcceptedAsync(1);

        var activity = Assert.Single(Recorder.Seen);
        Assert.Equal("Sosialisasi di SMPN 1", activity.Text);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("whatsapp-media:MEDIA-77", attachment.ContentUrl);
        Assert.Equal("image/jpeg", attachment.ContentType);
        var source = Assert.Single(host.Services.GetServices<IAttachmentSource>(), s => s.CanOpen(activity, attachment));
        var content = await source.OpenAsync(activity, attachment, 1024 * 1024, TestContext.Token);
        Assert.Equal(photo, content.Bytes);
        Assert.Equal("image/jpeg", content.DeclaredContentType);
        Assert.Equal("whatsapp-image-MEDIA-77.jpg", content.FileName);
        Assert.Equal(1, Graph.Downloads);
    }

    [Fact]
    public async Task ADocumentKeepsItsNameAndTheSizeLimitHolds()
    {
        var host = await StartHostAsync();
        Graph.Media["DOC-1"] = (new byte[40_000], "application/pdf");
        var document = Webhook.Message("wamid.in.doc", "document", DateTimeOffset.UtcNow, Webhook.User, new JsonObject
        {
            ["id"] = "DOC-1",
            ["mime_type"] = "application/pdf",
            ["filename"] = "laporan-b6.pdf",
        });

        await PostOkAsync(host, Webhook.Envelope([document]));
        await Graph.WaitForAcceptedAsync(1);

        var activity = Assert.Single(Recorder.Seen);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("laporan-b6.pdf", attachment.Name);
        var source = Assert.Single(host.Services.GetServices<IAttachmentSource>(), s => s.CanOpen(activity, attachment));
        var tooLarge = await Assert.ThrowsAsync<AttachmentTooLargeException>(() => source.OpenAsync(activity, attachment, 10_000, TestContext.Token));
        Assert.Equal(10_000, tooLarge.Limit);
        Assert.Equal(0, Graph.Downloads);
        Assert.False(source.CanOpen(activity with { ChannelId = "directline" }, attachment));
    }
}
