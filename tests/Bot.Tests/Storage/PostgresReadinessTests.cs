using System.Net;
using System.Net.Sockets;
using Bot.Host.Storage.Postgres;
using Microsoft.Extensions.Time.Testing;
using Bot.Tests.Support;
using Npgsql;

namespace Bot.Tests.Storage;

/// <summary>Readiness of a PostgreSQL database (<see cref="PostgresStorageProbe"/>): up, or down with the reason and since when.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresReadinessTests(PostgresServer server)
{
    [Fact]
    public async Task A_reachable_primary_is_available()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.CreateDatabase());
        var health = await new PostgresStorageProbe("main", dataSource, TimeProvider.System).CheckAsync(TestContext.Token);
        Assert.True(health.IsAvailable);
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable_since_the_first_failed_check()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=none;Timeout=2");
        var probe = new PostgresStorageProbe("main", dataSource, time);

        var first = await probe.CheckAsync(TestContext.Token);
        time.Advance(TimeSpan.FromSeconds(10));
        var second = await probe.CheckAsync(TestContext.Token);

        Assert.False(first.IsAvailable);
        Assert.False(string.IsNullOrEmpty(first.Reason));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), second.Since);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
