using Bot.Dialogs.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Enrollment;

/// <summary>
/// At start, prints the one-time admin code in the log until the first coordinator has used it: the operator
/// reads it there and sends "admin KODE" in the chat.
/// </summary>
internal sealed partial class AdminCodeAnnouncer(IAdminCodeStore codes, ILogger<AdminCodeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (codes.IssueIfUnused() is { } code)
        {
            LogAdminCode(code);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "No coordinator has claimed the admin code yet. To become the first coordinator, send in the chat: admin {AdminCode} (single use; a new code is printed at each start until used)")]
    private partial void LogAdminCode(string adminCode);
}
