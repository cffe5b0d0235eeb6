using Bot.Dialogs.Activities;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Progress;

/// <summary>Files as a user would attach them (data URIs), with real magic bytes.</summary>
internal static class EvidenceFiles
{
    public static byte[] Png(int seed) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Filler(seed, 2048)];

    public static byte[] Pdf(int seed) => [.. "%PDF-1.7\n"u8.ToArray(), .. Filler(seed, 4096)];

    public static byte[] Text() => "ini bukan gambar, hanya teks biasa"u8.ToArray();

    public static Activity With(ConversationDriver chat, params (string Name, string DeclaredType, byte[] Bytes)[] files) =>
        chat.Message(string.Empty) with
        {
            Text = null,
            Attachments = files.Select(f => new Attachment
            {
                Name = f.Name,
                ContentType = f.DeclaredType,
                ContentUrl = $"data:{f.DeclaredType};base64,{Convert.ToBase64String(f.Bytes)}",
            }).ToList(),
        };

    private static byte[] Filler(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
