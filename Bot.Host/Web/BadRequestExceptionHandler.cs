using Microsoft.AspNetCore.Diagnostics;

namespace Bot.Host.Web;

/// <summary>
/// Kestrel reports a broken or stalled request body (a client that sends too slowly gets 408, a cut connection
/// 400) by throwing from the endpoint's read. Any endpoint that does not catch it answers with that status as a
/// short problem, never as a 500 with the exception (issue 14, finding 13).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Detail = bad.StatusCode == StatusCodes.Status408RequestTimeout
                    ? "The request body did not arrive in time."
                    : "The request could not be read.",
            },
        });
    }
}
