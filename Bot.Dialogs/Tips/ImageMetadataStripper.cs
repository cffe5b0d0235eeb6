namespace Bot.Dialogs.Tips;

/// <summary>
/// Removes metadata from photos before they are stored, so that a tip's photo cannot give away where, when or
/// with which phone it was taken: EXIF (with GPS), XMP, ICC, maker notes and comments. Only JPEG and PNG are
/// accepted; anything else is refused rather than stored with unknown metadata.
/// </summary>
public static class ImageMetadataStripper
{
    /// <summary>The detected type and the cleaned bytes; throws <see cref="UnsupportedImageException"/> otherwise.</summary>
    public static StrippedImage Strip(ReadOnlySpan<byte> image)
    {
        if (JpegMetadata.IsJpeg(image))
        {
            return new StrippedImage("image/jpeg", JpegMetadata.Strip(image));
        }

        if (PngMetadata.IsPng(image))
        {
            return new StrippedImage("image/png", PngMetadata.Strip(image));
        }

        throw new UnsupportedImageException("Only JPEG and PNG photos are accepted.");
    }
}

/// <summary>A photo without metadata.</summary>
public sealed record StrippedImage(string ContentType, byte[] Bytes);

/// <summary>The bytes are not a JPEG or PNG this code can clean, or they are damaged.</summary>
public sealed class UnsupportedImageException(string message) : Exception(message);
