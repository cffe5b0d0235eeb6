namespace Bot.Dialogs.Progress;

/// <summary>
/// Recognises evidence by its first bytes, not by its name or declared type (either can lie): JPEG, PNG, GIF,
/// WebP and PDF are accepted.
/// </summary>
internal static class EvidenceTypes
{
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return bytes.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }
}
