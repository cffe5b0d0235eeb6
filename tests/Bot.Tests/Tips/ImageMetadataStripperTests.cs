using System.Text;
using Bot.Dialogs.Tips;

namespace Bot.Tests.Tips;

public sealed class ImageMetadataStripperTests
{
    [Fact]
    public void JpegLosesExifGpsXmpCommentIccAndTrailerButKeepsTheImageData()
    {
        var original = TestImages.JpegWithMetadata();
        Assert.True(Contains(original, TestImages.GpsLatitudeBytes));

        var stripped = ImageMetadataStripper.Strip(original);

        Assert.Equal("image/jpeg", stripped.ContentType);
        Assert.False(Contains(stripped.Bytes, TestImages.GpsLatitudeBytes));
        Assert.False(Contains(stripped.Bytes, TestImages.GpsLongitudeBytes));
        Assert.False(Contains(stripped.Bytes, Encoding.ASCII.GetBytes(TestImages.CameraMarker)));
        Assert.False(Contains(stripped.Bytes, "Exif\0\0"u8.ToArray()));
        Assert.False(Contains(stripped.Bytes, "ICC_PROFILE"u8.ToArray()));
        Assert.Equal([0xFF, 0xD9], stripped.Bytes[^2..]);
        Assert.DoesNotContain(Markers(stripped.Bytes), m => m is >= 0xE1 and <= 0xEF or 0xFE);

        // Everything from the first quantisation table to the end of the scan is byte-for-byte the camera's.
        var clean = TestImages.Jpeg();
        Assert.Equal(Tail(clean, 0xDB), Tail(stripped.Bytes, 0xDB));
    }

    [Fact]
    public void AJpegWithoutMetadataComesOutWithItsCodingSegmentsIntact()
    {
        var clean = TestImages.Jpeg();

        var stripped = ImageMetadataStripper.Strip(clean).Bytes;

        // Chromium writes JFIF APP0 and an ICC profile (APP2); only the profile goes.
        Assert.Equal(Markers(clean).Where(m => m != 0xE2), Markers(stripped));
    }

    [Fact]
    public void PngLosesTextTimeAndExifChunksButKeepsTheImageChunks()
    {
        var original = TestImages.PngWithMetadata();

        var stripped = ImageMetadataStripper.Strip(original);

        Assert.Equal("image/png", stripped.ContentType);
        Assert.False(Contains(stripped.Bytes, TestImages.GpsLatitudeBytes));
        Assert.False(Contains(stripped.Bytes, Encoding.ASCII.GetBytes(TestImages.CameraMarker)));
        foreach (var chunk in new[] { "tEXt", "iTXt", "tIME", "eXIf" })
        {
            Assert.False(Contains(stripped.Bytes, Encoding.ASCII.GetBytes(chunk)), chunk);
        }

        Assert.Equal(TestImages.Png(), stripped.Bytes);
    }

    [Theory]
    [InlineData("GIF89a........")]
    [InlineData("%PDF-1.4")]
    [InlineData("")]
    public void OtherFormatsAreRefused(string content) =>
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void TruncatedImagesAreRefusedRatherThanStoredHalfCleaned()
    {
        var jpeg = TestImages.JpegWithMetadata();
        var png = TestImages.PngWithMetadata();

        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(jpeg.AsSpan(0, 40)));
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(TestImages.Jpeg().AsSpan()[..^10]));
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(png.AsSpan(0, png.Length - 20)));
    }

    internal static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The marker types of the segments before the scan data, in order.</summary>
    private static List<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 3 < jpeg.Length && jpeg[i] == 0xFF)
        {
            var type = jpeg[i + 1];
            markers.Add(type);
            if (type == 0xDA)
            {
                break;
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        return markers;
    }

    private static byte[] Tail(byte[] jpeg, byte fromMarker)
    {
        var i = 2;
        while (jpeg[i + 1] != fromMarker)
        {
            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        var end = jpeg.AsSpan().LastIndexOf(new byte[] { 0xFF, 0xD9 });
        return jpeg[i..(end + 2)];
    }
}
