using System.Buffers.Binary;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Rewrites a PNG chunk by chunk (PNG spec §5): drops the text chunks (tEXt, zTXt, iTXt), eXIf and tIME,
/// keeps everything needed to draw the image, and stops after IEND.
/// </summary>
internal static class PngMetadata
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "tEXt", "zTXt", "iTXt", "eXIf", "tIME" };

    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static byte[] Strip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(Signature);
        var position = Signature.Length;
        var first = true;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                throw new UnsupportedImageException("The PNG is truncated.");
            }

            var type = System.Text.Encoding.ASCII.GetString(data.Slice(position + 4, 4));
            if (first && type != "IHDR")
            {
                throw new UnsupportedImageException("The PNG does not start with a header chunk.");
            }

            first = false;
            var end = position + 12 + (int)length;
            if (!Dropped.Contains(type))
            {
                output.Write(data[position..end]);
            }

            if (type == "IEND")
            {
                return output.ToArray();
            }

            position = end;
        }

        throw new UnsupportedImageException("The PNG is truncated (no end chunk).");
    }
}
