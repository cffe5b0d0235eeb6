using System.Buffers.Binary;
using System.Text;

namespace Bot.Tests;

/// <summary>
/// Real images for the metadata tests: a 32×24 JPEG and PNG drawn and encoded by Chromium (canvas.toDataURL),
/// and builders that add what a phone camera would: EXIF with the camera model and GPS, text chunks, a trailer.
/// </summary>
internal static class TestImages
{
    /// <summary>Distinctive EXIF content to search for after stripping.</summary>
    public const string CameraModel = "SinergiTestCam-9F3";

    /// <summary>The part of <see cref="CameraModel"/> that every metadata block (EXIF Make, XMP, comment, text chunks) carries.</summary>
    public const string CameraMarker = "SinergiTestCam";

    private const string JpegBase64 = "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAYACADASIAAhEBAxEB/8QAGgAAAQUBAAAAAAAAAAAAAAAAAAECAwQFBv/EAB8QAAICAgMBAQEAAAAAAAAAAAECAAMFEgQRMVEiYf/EABgBAAMBAQAAAAAAAAAAAAAAAAMFBgQH/8QAJREAAQQBAwIHAAAAAAAAAAAAAQACAxEEBRIhBkETFCIxMnHh/9oADAMBAAIRAxEAPwCADuLr/Yinr2O2EncmXJbKRHdfX4jdPab07Pp0cmc5nim7uQtPyNcbhXFdkyE57J5C48l66nZEQ6/k9Ey3hObZez1XHYqNgx9lbLos8WN5kkV713ornTsZzWb1rQhCJ1nWTkMUb72tpdVLeq32WMZwBw1YswaxvSB4PkIRhJqeTJAMdzvSimd5bsJ4X//Z";
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAYAAACbU/80AAABPElEQVR4AeySvUsDQRDF3xwWoiKChV8B8RBsFcTCTtFGsBCxsve/EisbLS0VC0FFsbcREgkpAgmkOQiEMLmdkHDs5mOPTDgIOZi9t7Pv3v2YuyB8uOEsK0DG1xTAmcDP4wvS1Khf0AEYNTDt81OAyZsA/28DH6fgp2sp0abX5+dQmwBHC+C3M9D3MVDaAtXnpUTHPXNmPDaHGgC+jkDlnJ3f3Zszget22kIHIL8Dqq61EwetlVUg9iYtKgBcDJOZA7XtdQD2r06QpuRttWW5eS2W1wHwClE06QAsVf2RLK8OQPjrD2B5VQAoVwCvFIdC8HoBxps0qgBI4O4nEDRF9lp4pgHsvTtHagC0WAMub8EHr8BGHjwbSYmOe3RxB5qLxgfQSabNP+DwGXR+LyXa9DoG6642ASvXe5s5QAsAAP//7LPkIgAAAAZJREFUAwD3DrNRdMn0YwAAAABJRU5ErkJggg==";

    public static byte[] Jpeg() => Convert.FromBase64String(JpegBase64);

    public static byte[] Png() => Convert.FromBase64String(PngBase64);

    /// <summary>The latitude as EXIF rationals (2° 46' 12.3456" S): the bytes that must not survive.</summary>
    public static byte[] GpsLatitudeBytes { get; } = Rationals((2, 1), (46, 1), (123456, 10000));

    public static byte[] GpsLongitudeBytes { get; } = Rationals((115, 1), (15, 1), (654321, 10000));

    /// <summary>The JPEG with an EXIF APP1 (camera, GPS), an XMP-like APP1, a comment, and a trailer after EOI.</summary>
    public static byte[] JpegWithMetadata()
    {
        var jpeg = Jpeg();
        var exif = Exif();
        var app1 = Segment(0xE1, [.. "Exif\0\0"u8, .. exif]);
        var xmp = Segment(0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS " + CameraModel + "</x:xmpmeta>"));
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes("taken by " + CameraModel));
        return [.. jpeg[..2], .. app1, .. xmp, .. comment, .. jpeg[2..], .. Encoding.ASCII.GetBytes("TRAILER" + CameraModel), .. GpsLatitudeBytes];
    }

    /// <summary>The PNG with tEXt, iTXt, tIME and eXIf chunks after the header.</summary>
    public static byte[] PngWithMetadata()
    {
        var png = Png();
        var headerEnd = 8 + 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8));
        return
        [
            .. png[..headerEnd],
            .. Chunk("tEXt", Encoding.Latin1.GetBytes("Comment\0" + CameraModel)),
            .. Chunk("iTXt", Encoding.UTF8.GetBytes("Author\0\0\0\0\0" + CameraModel)),
            .. Chunk("tIME", [0x07, 0xEB, 8, 15, 10, 30, 0]),
            .. Chunk("eXIf", Exif()),
            .. png[headerEnd..],
        ];
    }

    /// <summary>The EXIF block with the camera and GPS (for crafted files).</summary>
    public static byte[] ExifWithGps() => Exif();

    /// <summary>A big-endian TIFF block whose IFD0 holds only the Orientation tag (0x0112).</summary>
    public static byte[] ExifWithOrientation(ushort orientation)
    {
        var tiff = new byte[26];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 1);
        Entry(span[10..], 0x0112, 3, 1, (uint)orientation << 16);
        return tiff;
    }

    /// <summary>A big-endian TIFF block: IFD0 with Make and a GPS IFD pointer, the GPS IFD with latitude and longitude.</summary>
    private static byte[] Exif()
    {
        var tiff = new byte[156];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 2);
        Entry(span[10..], 0x010F, 2, 15, 38);
        Entry(span[22..], 0x8825, 4, 1, 54);
        Encoding.ASCII.GetBytes(CameraModel[..14]).CopyTo(span[38..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[54..], 4);
        Entry(span[56..], 0x0001, 2, 2, 0x53000000);
        Entry(span[68..], 0x0002, 5, 3, 108);
        Entry(span[80..], 0x0003, 2, 2, 0x45000000);
        Entry(span[92..], 0x0004, 5, 3, 132);
        GpsLatitudeBytes.CopyTo(span[108..]);
        GpsLongitudeBytes.CopyTo(span[132..]);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    private static byte[] Rationals(params (uint Numerator, uint Denominator)[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8), values[i].Numerator);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8 + 4), values[i].Denominator);
        }

        return bytes;
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
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typeAndData));
        return chunk;
    }

    /// <summary>The PNG chunk CRC (ISO 3309, polynomial 0xEDB88320).</summary>
    internal static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
