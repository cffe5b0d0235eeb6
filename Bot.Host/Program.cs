using Bot.Dialogs;
using Bot.Host.Cli;
using Bot.Host.Reminders;
using Bot.Host.Web;

// Command-line verbs (chat, ingest, eval) run without the web server.
if (await CommandLine.TryRunVerbAsync(args, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

// Problem details for every HTTP error (RFC 9457).
builder.Services.AddProblemDetails();

// The conversation layer: storage, the turn pipeline, the features.
builder.Services.AddBotDialogs(builder.Configuration);

// Reminders: Quartz sweeps the LiteDB outbox and queues the window notices, digests and escalations.
builder.Services.AddReminders(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapWebChat();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

app.Run();
return 0;
