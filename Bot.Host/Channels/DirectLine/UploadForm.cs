using System.Text;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Microsoft.AspNetCore.Http.Features;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Reads the multipart form of an upload within the configured limits.</summary>
internal static class UploadForm
{
    public static async Task<(IFormCollection? Form, IResult? Error)> ReadAsync(HttpContext http, DirectLineOptions settings, CancellationToken cancellationToken)
    {
        var bodyLimit = (settings.MaxUploadBytes * settings.MaxFilesPerUpload) + settings.MaxActivityBytes + (64 * 1024);
        if (http.Request.ContentLength > bodyLimit)
        {
            return (null, DirectLineResults.TooLarge("The upload is too large."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = bodyLimit;
        }

        var formOptions = new FormOptions
        {
            MultipartBodyLengthLimit = bodyLimit,
            ValueLengthLimit = settings.MaxActivityBytes,
            ValueCountLimit = 16,
        };
        try
        {
            var form = await new FormFeature(http.Request, formOptions).ReadFormAsync(cancellationToken);
            return (form, null);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, DirectLineResults.Error(ex.StatusCode, "BadArgument", ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The upload is too large." : "The upload could not be read."));
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, DirectLineResults.TooLarge("The upload is too large."));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return (null, DirectLineResults.BadArgument("The upload is not valid multipart/form-data."));
        }
    }

    /// <summary>The message activity of the 'activity' part (a file part from browsers, or a plain field).</summary>
    public static async Task<(Activity? Activity, IResult? Error)> ReadActivityAsync(IFormCollection form, DirectLineOptions settings, CancellationToken cancellationToken)
    {
        string? json = form["activity"].FirstOrDefault();
        if (json is null && form.Files.GetFile("activity") is { } part)
        {
            if (part.Length > settings.MaxActivityBytes)
            {
                return (null, DirectLineResults.TooLarge("The activity part is too large."));
            }

            using var reader = new StreamReader(part.OpenReadStream(), Encoding.UTF8);
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, DirectLineResults.BadArgument("The upload needs an 'activity' part with the message."));
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, DirectLineResults.BadArgument("The 'activity' part is not valid JSON."));
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, DirectLineResults.BadArgument("The 'activity' part must be a JSON object."));
        }

        var (activity, problem) = DirectLineRequests.ToActivity(body);
        return problem is not null || activity!.Type != ActivityTypes.Message
            ? (null, DirectLineResults.BadArgument(problem ?? "Files can only be attached to a message."))
            : (activity, null);
    }

    /// <summary>
    /// The user's file name without any path, control or format characters (NUL broke every later GET of the file,
    /// issue 14 finding 13; a right-to-left override disguises an extension), kept short.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(WithoutInvisibles(fileName).Replace('\\', '/')).Trim();
        if (name.Length == 0 || name == "blob")
        {
            name = "lampiran";
        }

        return name.Length > 120 ? name[^120..] : name;
    }

    private static string WithoutInvisibles(string? text) =>
        string.Concat((text ?? string.Empty).Where(c => char.GetUnicodeCategory(c) is not (
            System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator)));
}
