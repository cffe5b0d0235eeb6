using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Reminders;

/// <summary>
/// The one test with the real Quartz scheduler: the host as Program.cs builds it, a coordinator's nudge typed
/// in chat, the sweep job firing on its own, and the message POSTed over real HTTP to a loopback listener
/// playing the Bot Framework channel (which first answers 429 with Retry-After), sent by the real Connector client.
/// </summary>
public sealed class ReminderEndToEndTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RealSchedulerDeliversACoordinatorsNudgeThroughTheConnectorSenderAfterA429()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:DataDirectory", _folder.Path);
            web.UseSetting("Reminders:SweepInterval", "00:00:01");
            web.UseSetting("Reminders:RetryBaseDelay", "00:00:01");
            web.UseSetting("Reminders:QuietHoursStart", "00:00:00"); // equal start and end: no quiet hours, whatever the wall clock
            web.UseSetting("Reminders:QuietHoursEnd", "00:00:00");
            web.UseSetting("Reminders:SkipSundays", "false");
        });
        _ = app.Server; // starts the host, and with it the Quartz hosted service

        var turns = app.Services.GetRequiredService<TurnProcessor>();
        var users = app.Services.GetRequiredService<IUserStore>();
        var opd = app.Services.GetRequiredService<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "DINKES", TimeZone = IndonesianTimeZones.Wita });
        await turns.ProcessAsync(Message(channel.ServiceUrl, "fokal-1", "halo"), TestContext.Token);
        var fokal = Promote(users, "fokal-1", Role.Fokal, opd.Id);
        await turns.ProcessAsync(Message(channel.ServiceUrl, "koor-1", "halo"), TestContext.Token);
        Promote(users, "koor-1", Role.Koordinator, null);

        var (period, year) = ReportingOverview.CurrentPeriod(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)));
        var commitment = app.Services.GetRequiredService<ICommitmentStore>().Register(
            new Commitment { OrganisationId = opd.Id, Year = year, Title = "Tes urine ASN", Deadline = ReportingPeriods.EndOf(period, year), Periods = [period] },
            fokal.Id);

        var reply = await turns.ProcessAsync(Message(channel.ServiceUrl, "koor-1", "ingatkan semua"), TestContext.Token);
        Assert.StartsWith("📣 **Pengingat untuk 1 laporan**", Assert.Single(reply.Replies).Text, StringComparison.Ordinal);

        var delivered = await channel.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Token);
        Assert.Equal("/v3/conversations/conv-fokal-1/activities", delivered.Path);
        Assert.Equal("fokal-1", delivered.Activity.Recipient?.Id);
        Assert.Contains(commitment.Code, delivered.Activity.Text, StringComparison.Ordinal);
        Assert.Contains($"lapor {commitment.Code} {period}", delivered.Activity.SuggestedActions!.Actions.Select(a => a.SentText));
        Assert.Equal(2, channel.Requests); // the Connector client met 429 + Retry-After: 1 and tried once more

        // The channel answered before the sweep marked the row: give the mark a moment.
        var outbox = app.Services.GetRequiredService<IReminderOutbox>();
        ReminderItem Row() => outbox.ForCommitment(commitment.Id).Single(r => r.Kind == ReminderKind.Nudge);
        for (var wait = 0; wait < 100 && Row().Status != ReminderStatus.Sent; wait++)
        {
            await Task.Delay(100, TestContext.Token);
        }

        // The Connector client absorbed the 429 itself, so the sweep saw one successful delivery.
        Assert.Equal((ReminderStatus.Sent, 0), (Row().Status, Row().Attempts));
    }

    private static BotUser Promote(IUserStore users, string account, Role role, int? organisationId)
    {
        var user = users.GetOrCreate(TurnProcessor.UserKey("emulator", account), "User " + account, "id-ID");
        user.Role = role;
        user.OrganisationId = organisationId;
        users.Update(user);
        return user;
    }

    private static Activity Message(string serviceUrl, string account, string text) =>
        Some.Message("conv-" + account, account, text, channelId: "emulator") with { ServiceUrl = serviceUrl };

    public void Dispose() => _folder.Dispose();

    /// <summary>A Kestrel listener on a random loopback port answering like a Bot Framework channel.</summary>
    private sealed class LoopbackChannel : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private LoopbackChannel(WebApplication app) => _app = app;

        public TaskCompletionSource<(string Path, Activity Activity)> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Requests => _requests;

        public string ServiceUrl { get; private set; } = string.Empty;

        public static async Task<LoopbackChannel> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var channel = new LoopbackChannel(app);
            app.MapPost("/v3/conversations/{id}/activities", async (HttpContext context) =>
            {
                if (Interlocked.Increment(ref channel._requests) == 1)
                {
                    context.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(StatusCodes.Status429TooManyRequests);
                }

                var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ActivityJson.Options, context.RequestAborted);
                channel.Delivered.TrySetResult((context.Request.Path.Value!, activity!));
                return Results.Ok(new { id = "activity-1" });
            });
            await app.StartAsync(TestContext.Token);
            channel.ServiceUrl = app.Urls.Single() + "/";
            return channel;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(TestContext.Token);
            await _app.DisposeAsync();
        }
    }
}
