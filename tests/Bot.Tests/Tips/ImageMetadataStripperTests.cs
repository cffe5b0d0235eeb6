using System.Text;
using Bot.Dialogs.Tips;
using SkiaSharp;
using Xunit.Abstractions;

namespace Bot.Tests.Tips;

/// <summary>
/// Tip photos are decoded and encoded afresh with SkiaSharp (issue 14, finding 9: GPS survived the hand-written
/// parsers in a JPEG with an FF D8 pseudo-segment, an FF F0 segment, and PNG exIf and caBX chunks). The fuzz corpus
/// (<see cref="CraftedImages"/>) puts metadata in every segment and chunk type of JPEG, PNG, WebP and GIF.
/// </summary>
public sealed class ImageMetadataStripperTests(ITestOutputHelper output)
{
    public static TheoryData<string> Corpus => [.. CraftedImages.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void NoMetadataSurvivesAndEveryReadableFileComesOutAsAPicture(string name)
    {
        var crafted = CraftedImages.All().Single(c => c.Name == name);
        Assert.True(Contains(crafted.Bytes, Encoding.ASCII.GetBytes(CraftedImages.Secret)), "the corpus must carry the secret");

        StrippedImage cleaned;
        try
        {
            cleaned = ImageMetadataStripper.Strip(crafted.Bytes);
        }
        catch (UnsupportedImageException ex) when (!crafted.MustDecode)
        {
            output.WriteLine($"{name}: refused ({ex.Message})");
            return;
        }

        output.WriteLine($"{name}: {cleaned.ContentType}, {cleaned.Bytes.Length} bytes");
        Assert.False(Contains(cleaned.Bytes, Encoding.ASCII.GetBytes(CraftedImages.Secret)), "the secret survived");
        Assert.False(Contains(cleaned.Bytes, TestImages.GpsLatitudeBytes), "the GPS latitude survived");
        Assert.False(Contains(cleaned.Bytes, Encoding.ASCII.GetBytes(TestImages.CameraMarker)), "the camera model survived");
        foreach (var tag in new[] { "Exif", "ICC_PROFILE", "http://ns.adobe.com", "iCCP", "eXIf", "exIf", "caBX", "tEXt", "zTXt", "iTXt", "tIME" })
        {
            Assert.False(Contains(cleaned.Bytes, Encoding.ASCII.GetBytes(tag)), tag + " survived");
        }

        using var decoded = SKBitmap.Decode(cleaned.Bytes);
        Assert.NotNull(decoded);
        Assert.Equal(cleaned.ContentType == "image/jpeg" ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, Format(cleaned.Bytes));
    }

    [Fact]
    public void APhotoKeepsItsPixelsAndItsFormat()
    {
        using var original = SKBitmap.Decode(TestImages.Jpeg());

        var cleaned = ImageMetadataStripper.Strip(TestImages.JpegWithMetadata());

        Assert.Equal("image/jpeg", cleaned.ContentType);
        using var decoded = SKBitmap.Decode(cleaned.Bytes);
        Assert.Equal((original.Width, original.Height), (decoded.Width, decoded.Height));
        Assert.InRange(MeanDifference(original, decoded), 0, 8);
        Assert.Equal("image/png", ImageMetadataStripper.Strip(TestImages.PngWithMetadata()).ContentType);
    }

    [Fact]
    public void TheCamerasOrientationIsAppliedToThePixelsBeforeTheTagIsDropped()
    {
        var cleaned = ImageMetadataStripper.Strip(CraftedImages.JpegRotated());

        using var decoded = SKBitmap.Decode(cleaned.Bytes);
        Assert.Equal((24, 32), (decoded.Width, decoded.Height));
    }

    [Theory]
    [InlineData("GIF89a........")]
    [InlineData("%PDF-1.4")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("")]
    public void WhatIsNotAnImageIsRefused(string content) =>
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void TruncatedImagesAndDecodingBombsAreRefused()
    {
        var jpeg = TestImages.JpegWithMetadata();
        var png = TestImages.PngWithMetadata();

        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(jpeg.AsSpan(0, 40)));
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(TestImages.Jpeg().AsSpan()[..^10]));
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(png.AsSpan(0, png.Length / 2)));
        Assert.Throws<UnsupportedImageException>(() => ImageMetadataStripper.Strip(CraftedImages.PngBomb()));
    }

    internal static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static SKEncodedImageFormat Format(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        return codec.EncodedFormat;
    }

    private static double MeanDifference(SKBitmap a, SKBitmap b)
    {
        double total = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                SKColor p = a.GetPixel(x, y), q = b.GetPixel(x, y);
                total += (Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue)) / 3.0;
            }
        }

        return total / (a.Width * a.Height);
    }
}
