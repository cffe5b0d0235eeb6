using Bot.Tests.Reliability;

namespace Bot.Tests.Storage;

/// <summary>
/// A client in front of several real hosts, as a load balancer without affinity: each turn goes to the next host in
/// turn; a turn that fails or times out is sent again to the next host with the same activity id (an activity id is
/// processed once across hosts); a host whose connection failed is left out from then on (nginx's <c>max_fails</c>),
/// one that only timed out is not.
/// </summary>
internal sealed class HostCluster(IReadOnlyList<HostProcess> hosts)
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(60);

    private readonly bool[] _down = new bool[hosts.Count];
    private int _next = -1;
    private int _retries;

    public IReadOnlyList<HostProcess> Hosts => hosts;

    /// <summary>Turns sent again to another host after a failure or a timeout.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>A turn with expectReplies; the reply texts joined, empty when a host had already processed the activity.</summary>
    public async Task<(string Reply, bool Retried)> SayAsync(string conversationId, string userId, string activityId, string text, string serviceUrl)
    {
        var start = Interlocked.Increment(ref _next);
        var retried = false;
        for (var attempt = 0; attempt < hosts.Count * 2; attempt++)
        {
            var index = (int)((uint)(start + attempt) % (uint)hosts.Count);
            if (Volatile.Read(ref _down[index]))
            {
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TurnTimeout);
                var reply = await hosts[index].SayAsync(conversationId, userId, activityId, text, serviceUrl, timeout.Token);
                return (reply, retried);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                if (ex is not TaskCanceledException)
                {
                    Volatile.Write(ref _down[index], true);
                }

                Interlocked.Increment(ref _retries);
                retried = true;
            }
        }

        throw new InvalidOperationException($"No host answered {activityId}.");
    }
}
