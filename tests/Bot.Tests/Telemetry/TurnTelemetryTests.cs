using System.Diagnostics.Metrics;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Telemetry;
using Bot.Tests.Host.BotFramework;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Telemetry;

/// <summary>
/// What a turn over the real host (Program.cs's container, the real pipeline and LiteDB file) tells a listener:
/// the spans from the HTTP request down to the channel, the turn, answering and the commit, and the host's metrics.
/// </summary>
public sealed class TurnTelemetryTests
{
    [Fact]
    public async Task AQuestionOverApiMessagesLeavesOneTraceAndTheTurnMetrics()
    {
        await using var app = new BotApplication();
        using var spans = new SpanRecorder();
        using var metrics = new MetricRecorder(InstrumentsOf(app));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("traceparent", spans.TraceParent);

        var response = await PostAsync(client, Some.Message("c1", "u1", "apa sanksi bagi pengedar narkoba?", channelId: "emulator").ExpectingReplies());
        Assert.NotEmpty(await ReadRepliesAsync(response));

        var request = await spans.EndedAsync(s => s.Source.Name == "Microsoft.AspNetCore");
        var channel = spans.Single(SinergiTelemetry.ChannelSpan);
        var turn = spans.Single(SinergiTelemetry.TurnSpan);
        var answer = spans.Single(SinergiTelemetry.AnswerSpan);
        var commit = spans.Single(SinergiTelemetry.CommitSpan);
        Assert.Equal(request.SpanId, channel.ParentSpanId);
        Assert.Equal(channel.SpanId, turn.ParentSpanId);
        Assert.Equal(turn.SpanId, answer.ParentSpanId);
        Assert.Equal(turn.SpanId, commit.ParentSpanId);
        Assert.Equal("emulator", channel.GetTagItem(SinergiTelemetry.ChannelTag));
        Assert.Equal("completed", turn.GetTagItem(SinergiTelemetry.TurnStatusTag));
        Assert.Equal("message", turn.GetTagItem(SinergiTelemetry.ActivityTypeTag));
        var kind = Assert.IsType<string>(answer.GetTagItem(SinergiTelemetry.AnswerKindTag));
        Assert.Contains(kind, new[] { "answered", "not_covered" });

        var turns = Assert.Single(metrics.Of("sinergi.turns"));
        Assert.Equal((1, "emulator", "message", "completed"), (turns.Value, turns.Tag(SinergiTelemetry.ChannelTag), turns.Tag(SinergiTelemetry.ActivityTypeTag), turns.Tag(SinergiTelemetry.TurnStatusTag)));
        var duration = Assert.Single(metrics.Of("sinergi.turn.duration"));
        Assert.Equal("completed", duration.Tag(SinergiTelemetry.TurnStatusTag));
        var answers = Assert.Single(metrics.Of("sinergi.answers"));
        Assert.Equal((1, kind), (answers.Value, answers.Tag(SinergiTelemetry.AnswerKindTag)));
        var lines = Assert.Single(metrics.Observe("sinergi.channel.queue.depth"), m => m.Tag(SinergiTelemetry.ChannelTag) == "conversations");
        Assert.Equal(0, lines.Value);
    }

    [Theory]
    [InlineData("resep soto banjar yang enak apa ya?", "out_of_domain")]
    [InlineData("temen gw overdosis ga sadar, tolong", "safety")]
    public async Task TheAnswerSpanNamesTheKindOfAnswer(string text, string expected)
    {
        await using var app = new BotApplication();
        using var spans = new SpanRecorder();
        using var metrics = new MetricRecorder(InstrumentsOf(app));

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("traceparent", spans.TraceParent);

        var response = await PostAsync(client, Some.Message("c1", "u1", text, channelId: "emulator").ExpectingReplies());
        Assert.NotEmpty(await ReadRepliesAsync(response));

        await spans.EndedAsync(s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(expected, spans.Single(SinergiTelemetry.AnswerSpan).GetTagItem(SinergiTelemetry.AnswerKindTag));
        Assert.Equal(expected, Assert.Single(metrics.Of("sinergi.answers")).Tag(SinergiTelemetry.AnswerKindTag));
    }

    [Fact]
    public async Task ConversationWorkCountsInTheQueueDepthUntilItIsDone()
    {
        var holding = new HoldingHandler();
        await using var bot = new BotApplication();
        await using var app = bot.WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<ITurnHandler>(holding)));
        using var metrics = new MetricRecorder(InstrumentsOf(app));
        var client = new DirectLineTestClient(app.CreateClient());
        await client.GenerateAsync();
        await client.StartAsync();
        var sender = app.Services.GetRequiredService<ProactiveMessenger>();
        var conversation = new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = client.ConversationId } };

        // The POST is answered once its turn has committed, so it is awaited after the turn is let go.
        var post = client.PostMessageAsync("tahan", "client-1");
        await holding.Entered.Task.WaitAsync(TestContext.Token);
        var turnRunning = Depth(metrics);
        var notice = sender.DeliverAsync(conversation, new ProactiveMessage(new Activity { Type = ActivityTypes.Message, Text = "pemberitahuan" }, "notice-1", DeliveryRecord.None), TestContext.Token);
        var noticeWaiting = Depth(metrics);
        holding.Release.TrySetResult();
        await notice.WaitAsync(TestContext.Token);
        await post.WaitAsync(TestContext.Token);

        Assert.Equal((1, 2, 0), (turnRunning, noticeWaiting, Depth(metrics)));
    }

    private static Func<Instrument, bool> InstrumentsOf(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        return instrument => instrument.Meter.Name == SinergiTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters);
    }

    private static double Depth(MetricRecorder metrics) =>
        metrics.Observe("sinergi.channel.queue.depth").Single(m => m.Tag(SinergiTelemetry.ChannelTag) == "conversations").Value;

    /// <summary>Holds a turn that says "tahan" until released, then answers "dilepas".</summary>
    private sealed class HoldingHandler : ITurnHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Text != "tahan")
            {
                return false;
            }

            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            turn.SendText("dilepas");
            return true;
        }
    }
}
