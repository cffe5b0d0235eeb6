using Bot.Dialogs;
using Bot.Host.Channels.BotFramework;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Bot.Host.Cli;
using Bot.Host.Reminders;
using Bot.Host.Telemetry;
using Bot.Host.Web;
using Bot.Knowledge;
using Bot.Host.Web.Dashboard;

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

// Azure Bot Service channels and the Bot Framework Emulator: POST /api/messages.
builder.Services.AddBotFramework(builder.Configuration);
// The web chat's channel: a Direct Line 3.0 server in this process.
builder.Services.AddDirectLine(builder.Configuration);
// The WhatsApp Cloud API channel (off unless WhatsApp:Enabled).
builder.Services.AddWhatsApp(builder.Configuration);
// Regulation Q&A: the knowledge pack, the ingested statutes, retrieval and answering.
builder.Services.AddBotKnowledge(builder.Configuration);
// The coordinator dashboard at /dasbor (sign-in by one-time link from the chat).
builder.Services.AddDashboard(builder.Configuration);
// Reminders: Quartz sweeps the LiteDB outbox and queues the window notices, digests and escalations.
builder.Services.AddReminders(builder.Configuration);
// Traces and metrics through OpenTelemetry; exported over OTLP only when Telemetry:OtlpEndpoint is set.
builder.Services.AddSinergiTelemetry(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDirectLine();
app.MapWebChat();
app.MapBotFramework();
app.MapWhatsApp();
app.MapDashboard();
// Evidence photos and PDFs behind the signed links coordinators get in the chat.
app.MapEvidenceLinks();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

app.Run();
return 0;
