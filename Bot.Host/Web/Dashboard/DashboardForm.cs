namespace Bot.Host.Web.Dashboard;

/// <summary>
/// Reads the form of a dashboard POST. Every dashboard form is a few short fields, so a body over
/// <see cref="MaxBytes"/> is refused with 413 (declared or chunked), and a form ASP.NET cannot decode (a %00,
/// too many fields, a broken multipart) with 400, instead of the exception ReadFormAsync would throw.
/// </summary>
internal static class DashboardForm
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The form, or the refusal page to answer with.</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        if (request.ContentLength > MaxBytes)
        {
            return (null, NoticePages.TooLarge(http));
        }

        if (request.ContentLength is null)
        {
            // No declared length: buffer at most the limit here, rather than let the form reader take it all.
            if (await ReadAtMostAsync(request.Body, MaxBytes, cancellationToken) is not { } body)
            {
                return (null, NoticePages.TooLarge(http));
            }

            request.Body = new MemoryStream(body, writable: false);
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException)
        {
            return (null, NoticePages.BadRequest(http, "Formulir tidak bisa dibaca. Muat ulang halaman lalu coba lagi."));
        }
    }

    /// <summary>The whole body, or null as soon as it exceeds the limit.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
