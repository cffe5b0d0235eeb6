namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Recognises the accepted upload types (photos and PDF) from the file's first bytes. The declared content type is
/// the browser's guess from the file name, so the bytes decide what is stored and what is served back.
/// </summary>
internal static class UploadedFileType
{
    public const int HeaderLength = 16;

    /// <summary>The content type of an accepted file, or null when the bytes are not an image or a PDF.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8) && IsHeif(header[8..12]))
        {
            return "image/heic";
        }

        return header.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        _ => ".pdf",
    };

    // Phone cameras (iPhone) save HEIC; the brand names the variant.
    private static bool IsHeif(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("heif"u8);
}
