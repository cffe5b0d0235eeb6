using Bot.Dialogs;
using Bot.Host;
using Bot.Host.Channels.BotFramework;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Bot.Host.Cli;
using Bot.Host.Operations;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using Bot.Host.Telemetry;
using Bot.Host.Web;
using Bot.Host.Web.SignedLinks;
using Bot.Knowledge;
using Bot.Host.Web.Dashboard;
using Bot.Host.Web.RateLimiting;

// `dotnet run --project Bot.Host` starts in Bot.Host/; the repository root's appsettings.json and ./data apply.
HostDirectory.Settle(args);

// Command-line verbs (chat, ingest, eval) run without the web server.
if (await CommandLine.TryRunVerbAsync(args, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

// One log line per request with its route template, never the URL (tokens and sign-in links live in query strings).
builder.AddRequestLog();

// Problem details for every HTTP error (RFC 9457); a stalled or broken request body keeps its 408/400.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

// The conversation layer: storage, the turn pipeline, the features.
builder.Services.AddBotDialogs(builder.Configuration);
// Storage: the adapter behind the ports of Bot.Dialogs, LiteDB (Bot.Host/Storage/LiteDb) or PostgreSQL (Storage:Provider).
builder.Services.AddStorage(builder.Configuration);
// Signed links (dashboard sign-in, evidence files): Data Protection, its key ring in <DataDirectory>/keys.
builder.Services.AddSignedLinks();

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
// Reminders: Quartz sweeps the stored outbox and queues the window notices, digests and escalations.
builder.Services.AddReminders(builder.Configuration);
// Requests per minute per client address (or dashboard account) on sign-in, exports, evidence links and webhooks.
builder.Services.AddHttpRateLimits(builder.Configuration);
// Operations: liveness (/healthz) and readiness (/readyz) health checks, online backups for the backup verb, 503 while the storage cannot write.
builder.Services.AddOperations();
// Traces and metrics through OpenTelemetry; exported over OTLP only when Telemetry:OtlpEndpoint is set.
builder.Services.AddSinergiTelemetry(builder.Configuration);

var app = builder.Build();

// One process per data folder, and a damaged database file is never served: both are checked before listening.
if (app.StorageRefusal() is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 3;
}

app.UseRequestLog();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();

app.MapDirectLine();
app.MapWebChat();
app.MapBotFramework();
app.MapWhatsApp();
app.MapDashboard();
app.MapOperations();
// Evidence photos and PDFs behind the signed links coordinators get in the chat.
app.MapEvidenceLinks();

app.Run();
return 0;
