using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Progress;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// A report's evidence as one message a coordinator can look at: every photo as an image attachment (channels that
/// can show images show it inline), every PDF as a link in the text. Never a hash.
/// </summary>
internal static class EvidenceMessage
{
    public static Activity Build(TurnContext turn, IReadOnlyList<EvidenceFile> files, EvidenceLinks links)
    {
        var lines = new List<string> { turn.F(VerificationTexts.EvidenceHeader, files.Count) };
        var attachments = new List<Attachment>();
        foreach (var file in files)
        {
            var url = links.UrlFor(file).AbsoluteUri;
            if (file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add($"- 🖼️ {file.FileName}");
                attachments.Add(new Attachment { ContentType = file.ContentType, ContentUrl = url, Name = file.FileName });
            }
            else
            {
                lines.Add($"- 📄 [{file.FileName}]({url})");
            }
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            TextFormat = "markdown",
            Text = string.Join("\n", lines),
            Attachments = attachments.Count > 0 ? attachments : null,
        };
    }
}
