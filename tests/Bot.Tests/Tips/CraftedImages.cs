using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Bot.Tests.Tips;

/// <summary>
/// The fuzz corpus of issue 14, finding 9: real images with metadata put where each format allows it, and where a
/// hand-written parser would not look. Every block carries <see cref="Secret"/> (and the EXIF blocks the GPS
/// rationals of <see cref="TestImages"/>), which must not survive cleaning.
/// </summary>
internal static class CraftedImages
{
    public const string Secret = "GPS-RAHASIA-5521";

    /// <summary>A crafted file: a name for the report, the bytes, and whether a careful decoder must accept it.</summary>
    public sealed record Crafted(string Name, byte[] Bytes, bool MustDecode);

    public static IEnumerable<Crafted> All()
    {
        var jpeg = TestImages.Jpeg();
        var secret = Encoding.ASCII.GetBytes(Secret);
        byte[] exif = [.. "Exif\0\0"u8, .. TestImages.ExifWithGps(), .. secret];

        // JPEG: every application segment, the comment, a JFXX thumbnail, and two tricks that fooled the old parser.
        yield return new("jpeg APP0 JFXX", InsertJpeg(jpeg, Segment(0xE0, [.. "JFXX\0"u8, 0x10, .. secret])), true);
        yield return new("jpeg APP1 Exif+GPS", InsertJpeg(jpeg, Segment(0xE1, exif)), true);
        yield return new("jpeg APP1 XMP", InsertJpeg(jpeg, Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.ASCII.GetBytes("<x:xmpmeta>" + Secret + "</x:xmpmeta>")])), true);
        yield return new("jpeg APP2 ICC", InsertJpeg(jpeg, Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. secret])), true);
        for (byte app = 0xE3; app <= 0xEF; app++)
        {
            yield return new($"jpeg APP{app - 0xE0}", InsertJpeg(jpeg, Segment(app, [.. "Photoshop 3.0\0"u8, .. secret])), true);
        }

        yield return new("jpeg COM", InsertJpeg(jpeg, Segment(0xFE, secret)), true);
        yield return new("jpeg FF D8 pseudo-segment wrapping APP1 Exif", InsertJpeg(jpeg, [0xFF, 0xD8, .. Segment(0xE1, exif)]), false);
        yield return new("jpeg FF F0 segment", InsertJpeg(jpeg, Segment(0xF0, [.. exif])), false);
        yield return new("jpeg trailer after EOI", [.. jpeg, .. exif], true);

        // PNG: text, EXIF (both spellings), C2PA, ICC, time, a private chunk, and data after IEND.
        var png = TestImages.Png();
        yield return new("png tEXt", InsertPng(png, Chunk("tEXt", [.. "Comment\0"u8, .. secret])), true);
        yield return new("png zTXt", InsertPng(png, Chunk("zTXt", [.. secret, 0, 0, .. Deflate(exif)])), true);
        yield return new("png iTXt", InsertPng(png, Chunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. secret])), true);
        yield return new("png eXIf", InsertPng(png, Chunk("eXIf", [.. TestImages.ExifWithGps(), .. secret])), true);
        yield return new("png exIf", InsertPng(png, Chunk("exIf", [.. TestImages.ExifWithGps(), .. secret])), true);
        yield return new("png caBX", InsertPng(png, Chunk("caBX", [.. "jumb"u8, .. exif])), true);
        yield return new("png iCCP", InsertPng(png, Chunk("iCCP", [.. secret, 0, 0, .. Deflate([.. new byte[128], .. exif])])), true);
        yield return new("png tIME+private", InsertPng(png, [.. Chunk("tIME", [0x07, 0xEB, 8, 15, 10, 30, 0]), .. Chunk("gpSx", exif)]), true);
        yield return new("png after IEND", [.. png, .. Chunk("tEXt", secret), .. exif], true);

        // WebP: the extended format's EXIF and XMP chunks.
        var webp = Webp();
        yield return new("webp EXIF", WebpWith(webp, ("EXIF", exif)), true);
        yield return new("webp XMP", WebpWith(webp, ("XMP ", [.. "<x:xmpmeta>"u8, .. secret])), true);

        // GIF: a comment extension and an XMP application extension.
        yield return new("gif comment", InsertGif(Comment(secret)), true);
        yield return new("gif XMP application extension", InsertGif(ApplicationExtension("XMP DataXMP", exif)), true);
    }

    /// <summary>A 32×24 JPEG whose EXIF says the camera was turned (orientation 6: rotate 90° clockwise to view).</summary>
    public static byte[] JpegRotated() => InsertJpeg(TestImages.Jpeg(), Segment(0xE1, [.. "Exif\0\0"u8, .. TestImages.ExifWithOrientation(6)]));

    /// <summary>A PNG header declaring 100,000 × 100,000 pixels (a decoding bomb), with a valid CRC.</summary>
    public static byte[] PngBomb()
    {
        var png = TestImages.Png();
        var header = new byte[13];
        png.AsSpan(16, 13).CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header, 100_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 100_000);
        return [.. png[..8], .. Chunk("IHDR", header), .. png[33..]];
    }

    private static byte[] InsertJpeg(byte[] jpeg, byte[] segments) => [.. jpeg[..2], .. segments, .. jpeg[2..]];

    private static byte[] InsertPng(byte[] png, byte[] chunks)
    {
        var headerEnd = 8 + 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8));
        return [.. png[..headerEnd], .. chunks, .. png[headerEnd..]];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), TestImages.Crc32(typeAndData));
        return chunk;
    }

    private static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal))
        {
            zlib.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A 32×24 lossy WebP encoded by Skia from the test JPEG's pixels.</summary>
    private static byte[] Webp()
    {
        using var bitmap = SKBitmap.Decode(TestImages.Jpeg());
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        return data.ToArray();
    }

    /// <summary>The WebP as the extended format (a fresh VP8X) with the given chunks after the image data.</summary>
    private static byte[] WebpWith(byte[] encoded, params (string FourCc, byte[] Data)[] extra)
    {
        // Skia writes the extended format itself; its VP8X is replaced by one that announces EXIF and XMP.
        var image = new List<byte>();
        var alpha = false;
        for (var at = 12; at + 8 <= encoded.Length;)
        {
            var fourCc = Encoding.ASCII.GetString(encoded, at, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(encoded.AsSpan(at + 4));
            var end = at + 8 + size + (size % 2);
            if (fourCc != "VP8X")
            {
                image.AddRange(encoded[at..end]);
                alpha |= fourCc == "ALPH";
            }

            at = end;
        }

        var vp8x = new byte[10];
        vp8x[0] = (byte)(0x08 | 0x04 | (alpha ? 0x10 : 0));
        WriteUInt24(vp8x.AsSpan(4), 32 - 1);
        WriteUInt24(vp8x.AsSpan(7), 24 - 1);
        byte[] body = [.. "WEBP"u8, .. RiffChunk("VP8X", vp8x), .. image];
        foreach (var (fourCc, data) in extra)
        {
            body = [.. body, .. RiffChunk(fourCc, data)];
        }

        var riff = new byte[8];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)body.Length);
        return [.. riff, .. body];
    }

    private static byte[] RiffChunk(string fourCc, byte[] data)
    {
        var header = new byte[8];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)data.Length);
        return data.Length % 2 == 1 ? [.. header, .. data, 0] : [.. header, .. data];
    }

    private static void WriteUInt24(Span<byte> at, int value)
    {
        at[0] = (byte)value;
        at[1] = (byte)(value >> 8);
        at[2] = (byte)(value >> 16);
    }

    /// <summary>A 1×1 GIF89a with <paramref name="extension"/> before its image.</summary>
    private static byte[] InsertGif(byte[] extension)
    {
        byte[] head = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF];
        byte[] image = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B];
        return [.. head, .. extension, .. image];
    }

    private static byte[] Comment(byte[] text) => [0x21, 0xFE, .. SubBlocks(text)];

    private static byte[] ApplicationExtension(string identifier, byte[] data) =>
        [0x21, 0xFF, 11, .. Encoding.ASCII.GetBytes(identifier), .. SubBlocks(data)];

    private static byte[] SubBlocks(byte[] data)
    {
        var blocks = new List<byte>();
        for (var i = 0; i < data.Length; i += 255)
        {
            var size = Math.Min(255, data.Length - i);
            blocks.Add((byte)size);
            blocks.AddRange(data.AsSpan(i, size).ToArray());
        }

        blocks.Add(0);
        return [.. blocks];
    }
}
