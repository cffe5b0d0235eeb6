using System.Collections.Concurrent;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Tests.Storage;

/// <summary>
/// Two hosts (two service providers, each with its own <see cref="TurnProcessor"/>) on one PostgreSQL database: the
/// turns of one conversation never run side by side, and an activity posted to both runs once. The bot is a probe
/// that notes who is inside a turn and which activities it ran; it waits a little inside each turn so that turns
/// would overlap if nothing held them apart.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresTurnOrderTests : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();
    private readonly ProbeBot _probe = new();
    private readonly DialogsHost _hostA;
    private readonly DialogsHost _hostB;

    public PostgresTurnOrderTests(PostgresServer server)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
        };
        _hostA = new DialogsHost(_first.Path, settings: settings, configure: s => s.Replace(ServiceDescriptor.Singleton<IBot>(_probe)));
        _hostB = new DialogsHost(_second.Path, settings: settings, configure: s => s.Replace(ServiceDescriptor.Singleton<IBot>(_probe)));
    }

    [Fact]
    public async Task An_activity_posted_to_two_hosts_runs_once()
    {
        var activities = Enumerable.Range(1, 8).Select(i => Some.Message("conv-dup", "u-dup-" + i, "halo " + i)).ToList();
        var results = new List<TurnResult>();
        foreach (var activity in activities)
        {
            // The same activity on both hosts at the same moment, as a channel's retry to another host would be.
            var both = await Task.WhenAll(
                Task.Run(() => _hostA.Get<TurnProcessor>().ProcessAsync(activity, TestContext.Token), TestContext.Token),
                Task.Run(() => _hostB.Get<TurnProcessor>().ProcessAsync(activity, TestContext.Token), TestContext.Token));
            results.AddRange(both);
        }

        Assert.All(activities, a => Assert.Equal(1, _probe.Runs(a.Id!)));
        Assert.Equal(activities.Count, results.Count(r => r.Status == TurnStatus.Completed));
        Assert.Equal(activities.Count, results.Count(r => r.Status == TurnStatus.Duplicate));
        Assert.Equal(activities.Count, _hostB.Get<IConversationStateStore>().Load("test|conv-dup").Version);
    }

    [Fact]
    public async Task Turns_of_one_conversation_on_two_hosts_never_overlap()
    {
        var activities = Enumerable.Range(1, 16).Select(i => Some.Message("conv-race", "u-race-" + i, "pesan " + i)).ToList();
        var turns = activities.Select((activity, i) =>
        {
            var host = i % 2 == 0 ? _hostA : _hostB;
            return Task.Run(() => host.Get<TurnProcessor>().ProcessAsync(activity, TestContext.Token), TestContext.Token);
        });

        var results = await Task.WhenAll(turns);

        Assert.All(results, r => Assert.Equal(TurnStatus.Completed, r.Status));
        Assert.Equal(1, _probe.MostInsideAtOnce);
        Assert.All(activities, a => Assert.Equal(1, _probe.Runs(a.Id!)));
        var state = _hostA.Get<IConversationStateStore>().Load("test|conv-race");
        Assert.Equal(activities.Count, state.Version);
        Assert.All(activities, a => Assert.True(state.HasProcessed(a.Id)));
    }

    public void Dispose()
    {
        _hostA.Dispose();
        _hostB.Dispose();
        _first.Dispose();
        _second.Dispose();
    }

    /// <summary>Counts the runs of each activity and the most turns inside the bot at once.</summary>
    private sealed class ProbeBot : IBot
    {
        private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
        private int _inside;
        private int _most;

        public int MostInsideAtOnce => Volatile.Read(ref _most);

        public int Runs(string activityId) => _runs.GetValueOrDefault(activityId);

        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var inside = Interlocked.Increment(ref _inside);
            InterlockedMax(ref _most, inside);
            try
            {
                _runs.AddOrUpdate(turn.Activity.Id!, 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(30), cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
            {
                seen = now;
            }
        }
    }
}
