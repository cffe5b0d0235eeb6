using System.Collections.Concurrent;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Dialogs.Engine;

/// <summary>
/// The turn pipeline is the one place that orders a conversation's work: turns with the delivery of their replies,
/// and proactive messages, on every channel (<see cref="ConversationSequencer"/>).
/// </summary>
public sealed class ConversationOrderTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly HoldingHandler _holding = new();
    private readonly RecordingSender _sender = new();

    [Fact]
    public async Task AProactiveMessageAskedForDuringATurnLeavesAfterThatTurnsReplies()
    {
        using var host = Host();
        var turn = host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "tahan"), null, _sender.DeliverReplies, TestContext.Token);
        await _holding.Entered.Task.WaitAsync(TestContext.Token);

        var reminder = host.Get<ProactiveMessenger>().DeliverAsync(Reference("c1"), Message("pengingat"), TestContext.Token);
        await Task.Delay(50, TestContext.Token);
        _holding.Release.TrySetResult();
        await Task.WhenAll(turn, reminder).WaitAsync(TestContext.Token);

        Assert.Equal(["reply:dilepas", "proactive:pengingat"], _sender.Log);
    }

    [Fact]
    public async Task AnotherConversationIsNotHeldBehindARunningTurn()
    {
        using var host = Host();
        var turn = host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "tahan"), null, _sender.DeliverReplies, TestContext.Token);
        await _holding.Entered.Task.WaitAsync(TestContext.Token);

        await host.Get<ProactiveMessenger>().DeliverAsync(Reference("c2"), Message("untuk c2"), TestContext.Token).WaitAsync(TestContext.Token);
        _holding.Release.TrySetResult();
        await turn.WaitAsync(TestContext.Token);

        Assert.Equal(["proactive:untuk c2", "reply:dilepas"], _sender.Log);
    }

    [Fact]
    public async Task TurnsRunInTheOrderTheyWereAskedForEvenWhenTheCallerDoesNotWait()
    {
        using var host = Host();
        var turns = host.Get<TurnProcessor>();
        var first = turns.ProcessAsync(Some.Message("c1", "u1", "tahan"), null, _sender.DeliverReplies, TestContext.Token);
        var later = Enumerable.Range(1, 5)
            .Select(i => turns.ProcessAsync(Some.Message("c1", "u1", $"gema {i}"), null, _sender.DeliverReplies, TestContext.Token))
            .ToList();
        await _holding.Entered.Task.WaitAsync(TestContext.Token);
        _holding.Release.TrySetResult();
        await Task.WhenAll([first, .. later]).WaitAsync(TestContext.Token);

        Assert.Equal(["reply:dilepas", "reply:1", "reply:2", "reply:3", "reply:4", "reply:5"], _sender.Log);
    }

    [Fact]
    public async Task ATurnThatMessagesItsOwnConversationDoesNotWaitForItself()
    {
        using var host = Host();
        _holding.Messenger = host.Get<ProactiveMessenger>();
        _holding.Release.TrySetResult();

        await host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "tahan"), null, _sender.DeliverReplies, TestContext.Token)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Token);

        Assert.Equal(["proactive:dari giliran", "reply:dilepas"], _sender.Log);
    }

    [Fact]
    public async Task AFailedDeliveryDoesNotStopTheNextWorkOfTheConversation()
    {
        using var host = Host();
        _sender.FailNext = true;
        var failed = host.Get<ProactiveMessenger>().DeliverAsync(Reference("c1"), Message("gagal"), TestContext.Token);
        var turn = host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "gema 1"), null, _sender.DeliverReplies, TestContext.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        await turn.WaitAsync(TestContext.Token);
        Assert.Equal(["reply:1"], _sender.Log);
    }

    public void Dispose() => _folder.Dispose();

    private DialogsHost Host() => new(_folder.Path, configure: services =>
    {
        services.AddSingleton<ITurnHandler>(_holding);
        services.AddSingleton<IChannelSender>(_sender);
    });

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "test",
        ServiceUrl = "https://test.example/",
        Conversation = new ConversationAccount { Id = conversationId },
        User = new ChannelAccount { Id = "u1" },
        Bot = new ChannelAccount { Id = "bot" },
    };

    private static ProactiveMessage Message(string text) =>
        new(new Activity { Type = ActivityTypes.Message, Text = text }, Guid.NewGuid().ToString("N"), DeliveryRecord.None);

    /// <summary>Holds "tahan" until released (optionally messaging its own conversation first), then answers "dilepas"; echoes "gema N" as "N".</summary>
    private sealed class HoldingHandler : ITurnHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ProactiveMessenger? Messenger { get; set; }

        public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Text?.StartsWith("gema ", StringComparison.Ordinal) == true)
            {
                turn.SendText(turn.Text["gema ".Length..]);
                return true;
            }

            if (turn.Text != "tahan")
            {
                return false;
            }

            Entered.TrySetResult();
            if (Messenger is not null)
            {
                await Messenger.DeliverAsync(Reference("c1"), Message("dari giliran"), cancellationToken);
            }

            await Release.Task.WaitAsync(cancellationToken);
            turn.SendText("dilepas");
            return true;
        }
    }

    /// <summary>The channel of the "test" conversations: records replies and proactive messages in the order they leave.</summary>
    private sealed class RecordingSender : IChannelSender
    {
        private readonly ConcurrentQueue<string> _log = new();

        public string[] Log => [.. _log];

        public bool FailNext { get; set; }

        public bool CanDeliver(ConversationReference reference) => reference.ChannelId == "test";

        public async Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(10, cancellationToken);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("The channel refused.");
            }

            _log.Enqueue("proactive:" + message.Activity.Text);
        }

        public async Task DeliverReplies(TurnResult result, CancellationToken cancellationToken)
        {
            foreach (var reply in result.Replies.Where(r => r.Type == ActivityTypes.Message))
            {
                await Task.Delay(10, cancellationToken);
                _log.Enqueue("reply:" + reply.Text);
            }
        }
    }
}
