using SkiaSharp;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Makes a photo safe to keep with an anonymous tip: it is decoded with Skia (SkiaSharp, the maintained imaging
/// library) and encoded afresh from its pixels alone, so no metadata of the original file can survive (EXIF with
/// GPS, XMP, ICC profiles, maker notes, comments, PNG text, exIf or caBX chunks, WebP EXIF/XMP, GIF comments, data
/// after the image, or anything hidden in a segment a hand-written parser would not know: issue 14, finding 9).
/// The camera's orientation is applied to the pixels first, so the photo still stands upright. Anything Skia cannot
/// decode completely (damaged, truncated, not an image) is refused, never stored as it came.
/// </summary>
public static class ImageMetadataStripper
{
    /// <summary>Larger photos are scaled down to this many pixels on their long side (a tip needs no more).</summary>
    public const int MaxSide = 2560;

    /// <summary>Decoding bombs (a tiny file declaring a huge canvas) are refused before any pixel is allocated.</summary>
    public const long MaxPixels = 50_000_000;

    private const int JpegQuality = 90;

    /// <summary>The cleaned photo (JPEG for a JPEG, PNG otherwise); throws <see cref="UnsupportedImageException"/> when it cannot be read.</summary>
    public static StrippedImage Strip(ReadOnlySpan<byte> image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data) ?? throw new UnsupportedImageException("The file is not an image this service can read.");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            throw new UnsupportedImageException("The image is too large to process.");
        }

        // No colour space on the target: the pixels are read as they are and no ICC profile is written back.
        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            throw new UnsupportedImageException("The image is damaged or incomplete.");
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var sized = Shrink(upright);
        var jpeg = codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        using var encoded = jpeg
            ? sized.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
            : sized.Encode(SKEncodedImageFormat.Png, 100);
        return encoded is null
            ? throw new UnsupportedImageException("The image could not be encoded again.")
            : new StrippedImage(jpeg ? "image/jpeg" : "image/png", encoded.ToArray());
    }

    /// <summary>The pixels turned as the camera's orientation says (EXIF 1 to 8), into a new bitmap.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var turned = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(turned);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return turned;
    }

    private static SKBitmap Shrink(SKBitmap source)
    {
        var longSide = Math.Max(source.Width, source.Height);
        if (longSide <= MaxSide)
        {
            return source.Copy();
        }

        var scale = MaxSide / (double)longSide;
        var size = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)), source.ColorType, source.AlphaType);
        return source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new UnsupportedImageException("The image could not be scaled.");
    }
}

/// <summary>A photo without metadata.</summary>
public sealed record StrippedImage(string ContentType, byte[] Bytes);

/// <summary>The bytes are not an image Skia can decode completely, or it is too large.</summary>
public sealed class UnsupportedImageException(string message) : Exception(message);
