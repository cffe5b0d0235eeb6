using Bot.Host.Channels.DirectLine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>The web chat's devices in <c>directline_devices</c>.</summary>
internal sealed class LiteDbDeviceStore : IDeviceStore
{
    private readonly ILiteCollection<DirectLineDevice> _devices;

    public LiteDbDeviceStore(SinergiDatabase database)
    {
        _devices = database.Collection<DirectLineDevice>("directline_devices");
        _devices.EnsureIndex(d => d.UserId);
    }

    public void Insert(DirectLineDevice device) => _devices.Insert(device);

    public DirectLineDevice? Find(string id) => _devices.FindById(id);

    public void Update(DirectLineDevice device) => _devices.Update(device);

    public bool IsRevoked(string userId) => _devices.Exists(d => d.UserId == userId && d.RevokedAt != null);

    public IReadOnlyList<DirectLineDevice> ListActive(string userId) => _devices.Find(d => d.UserId == userId && d.RevokedAt == null).ToList();
}
