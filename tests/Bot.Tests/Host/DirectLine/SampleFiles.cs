namespace Bot.Tests.Host.DirectLine;

/// <summary>Small real files: a 1x1 PNG and a minimal PDF.</summary>
internal static class SampleFiles
{
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static byte[] Pdf { get; } = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A PNG header followed by padding, to reach a given size.</summary>
    public static byte[] PngOfSize(int bytes)
    {
        var file = new byte[bytes];
        Png.CopyTo(file, 0);
        return file;
    }
}
