using Bot.Host.Channels.DirectLine;

namespace Bot.Host.Storage.Postgres;

/// <summary>The web chat's devices in <c>directline_devices</c>, found by the hash of their secret or by user id.</summary>
internal sealed class PostgresDeviceStore(PostgresDatabase database) : IDeviceStore
{
    private const string OfUser = "doc ->> 'UserId' = @userId";
    private readonly DocumentTable<DirectLineDevice> _devices = new(database, "directline_devices");

    public void Insert(DirectLineDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _devices.Insert(device.Id, device);
    }

    public DirectLineDevice? Find(string id) => _devices.Get(id);

    public void Update(DirectLineDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _devices.Update(device.Id, device);
    }

    public bool IsRevoked(string userId) => _devices.Exists(OfUser + " and doc ->> 'RevokedAt' is not null", new { userId });

    public IReadOnlyList<DirectLineDevice> ListActive(string userId) => _devices.Where(OfUser + " and doc ->> 'RevokedAt' is null", new { userId });
}
