namespace Bot.Dialogs.Tips;

/// <summary>
/// Rewrites a JPEG segment by segment (ITU T.81 Annex B): drops APP1..APP15 (EXIF/GPS, XMP, ICC, maker data)
/// and COM, keeps APP0 only as a bare JFIF header and every coding segment, copies the entropy-coded data unchanged and stops at
/// EOI, so data appended after the image (some phones add a trailer) is dropped too.
/// </summary>
internal static class JpegMetadata
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Comment = 0xFE;

    public static bool IsJpeg(ReadOnlySpan<byte> data) => data.Length > 3 && data[0] == Marker && data[1] == StartOfImage && data[2] == Marker;

    public static byte[] Strip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write([Marker, StartOfImage]);
        var position = 2;
        var sawScan = false;
        while (true)
        {
            // Fill bytes (0xFF repeated) may precede a marker.
            while (position < data.Length && data[position] == Marker && position + 1 < data.Length && data[position + 1] == Marker)
            {
                position++;
            }

            if (position + 1 >= data.Length || data[position] != Marker)
            {
                throw new UnsupportedImageException("The JPEG is damaged (a segment marker is missing).");
            }

            var type = data[position + 1];
            if (type == EndOfImage)
            {
                output.Write([Marker, EndOfImage]);
                return sawScan ? output.ToArray() : throw new UnsupportedImageException("The JPEG has no image data.");
            }

            if (IsStandalone(type))
            {
                output.Write(data.Slice(position, 2));
                position += 2;
                continue;
            }

            if (position + 3 >= data.Length)
            {
                throw new UnsupportedImageException("The JPEG is truncated.");
            }

            var length = (data[position + 2] << 8) | data[position + 3];
            var end = position + 2 + length;
            if (length < 2 || end > data.Length)
            {
                throw new UnsupportedImageException("The JPEG is truncated.");
            }

            if (!IsMetadata(type, data[position..end]))
            {
                output.Write(data[position..end]);
            }

            position = end;
            if (type == StartOfScan)
            {
                sawScan = true;
                var scanEnd = EndOfEntropyData(data, position);
                output.Write(data[position..scanEnd]);
                position = scanEnd;
            }
        }
    }

    private static bool IsMetadata(byte type, ReadOnlySpan<byte> segment) =>
        type is >= 0xE1 and <= 0xEF or Comment || (type == 0xE0 && !IsPlainJfif(segment));

    /// <summary>APP0 is kept only as the bare 16-byte JFIF header: a JFXX extension or a thumbnail could hold an older picture.</summary>
    private static bool IsPlainJfif(ReadOnlySpan<byte> segment) => segment.Length == 18 && segment[4..9].SequenceEqual("JFIF\0"u8);

    /// <summary>TEM and RST0..7 have no length field.</summary>
    private static bool IsStandalone(byte type) => type is 0x01 or >= 0xD0 and <= 0xD7;

    /// <summary>The first marker after the scan that is neither a stuffed 0xFF00 nor a restart marker.</summary>
    private static int EndOfEntropyData(ReadOnlySpan<byte> data, int position)
    {
        for (var i = position; i + 1 < data.Length; i++)
        {
            if (data[i] == Marker && data[i + 1] != 0x00 && data[i + 1] != Marker && !IsStandalone(data[i + 1]))
            {
                return i;
            }
        }

        throw new UnsupportedImageException("The JPEG is truncated (no end of image).");
    }
}
