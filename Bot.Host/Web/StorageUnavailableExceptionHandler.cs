using Bot.Dialogs.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Bot.Host.Web;

/// <summary>
/// A request that needed to write while the storage cannot (a full disk, an I/O error) gets 503 with Retry-After
/// and a short problem, never 500 (issue 14, finding 3: every turn and every tokens/generate answered 500). Nothing
/// of the request was kept, so sending it again later is safe; /readyz tells when.
/// </summary>
internal sealed class StorageUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not StorageUnavailableException || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "The server cannot save data right now. Nothing of this request was kept; please try again in a moment.",
            },
        });
    }
}
