namespace Bot.Bench.Load;

/// <summary>
/// Several hosts behind no load balancer: each new conversation goes to the next host in turn (round robin), and
/// all of its turns to that host. With one host it is that host's transport.
/// </summary>
internal sealed class SpreadTransport(IReadOnlyList<IChatTransport> hosts) : IChatTransport
{
    private long _opened = -1;

    public Task<IChatSession> OpenAsync(string userId, CancellationToken cancellationToken)
    {
        var next = Interlocked.Increment(ref _opened);
        return hosts[(int)(next % hosts.Count)].OpenAsync(userId, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }
}
