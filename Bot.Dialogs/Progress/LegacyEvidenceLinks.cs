using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Accepts evidence links issued before Data Protection (<c>?e=&lt;expiry&gt;&amp;s=&lt;HMAC-SHA256&gt;</c>, signed with
/// the old dashboard key) so that no link already in a coordinator's chat breaks; such links live 7 days, so this
/// only reads the old key (<c>Dashboard:SigningKey</c>, else <c>dashboard-signing.key</c> in the data folder) and never
/// creates one. Without either key nothing is accepted.
/// REMOVE on or after 2026-12-18 (7 days after the last deployment that could issue the old format), together with
/// <see cref="DashboardOptions.SigningKey"/> and the key file.
/// </summary>
public sealed class LegacyEvidenceLinks
{
    public const string KeyFileName = "dashboard-signing.key";

    private readonly byte[]? _key;
    private readonly TimeProvider _time;

    public LegacyEvidenceLinks(IOptions<DashboardOptions> dashboard, IOptions<StorageOptions> storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(storage);
        _time = time;
        var file = Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), KeyFileName);
        var configured = !string.IsNullOrWhiteSpace(dashboard.Value.SigningKey) ? dashboard.Value.SigningKey
            : File.Exists(file) ? File.ReadAllText(file)
            : null;
        _key = Decode(configured);
    }

    /// <summary>True when the old signature is valid for this file and the link has not expired.</summary>
    public bool IsValid(string sha256, string? expires, string? signature)
    {
        if (_key is null || sha256.Length != 64 || signature is null || signature.Length > 64
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var signed = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"evidence|{sha256}|{seconds}"));
        var expected = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(HMACSHA256.HashData(_key, signed)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))
            && DateTimeOffset.FromUnixTimeSeconds(seconds) > _time.GetUtcNow();
    }

    private static byte[]? Decode(string? base64)
    {
        try
        {
            return base64 is null ? null : Convert.FromBase64String(base64.Trim()) is { Length: >= 32 } key ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
