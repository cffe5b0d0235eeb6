using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Signed links to evidence files, so coordinators see a report's photos and PDFs in the chat itself (channels
/// fetch an image attachment by URL). A link names the file by its SHA-256 and carries its expiry and an
/// HMAC-SHA256 over both, with the dashboard's signing key; the host serves it at <see cref="PathPrefix"/> until
/// it expires (<see cref="Lifetime"/>) and never for a file that no report refers to.
/// </summary>
public sealed class EvidenceLinks(DashboardSigningKey key, IOptions<DashboardOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/bukti/";

    /// <summary>How long a link shown in the chat keeps working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Uri UrlFor(EvidenceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var name = Uri.EscapeDataString(file.FileName.Length > 0 ? file.FileName : "bukti");
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{PathPrefix}{file.Sha256}/{name}?e={expires}&s={Sign(file.Sha256, expires)}"));
    }

    /// <summary>True when the signature is ours and the link has not expired.</summary>
    public bool IsValid(string sha256, string? expires, string? signature)
    {
        if (sha256.Length != 64 || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null || signature.Length > 64)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(sha256, seconds));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))
            && DateTimeOffset.FromUnixTimeSeconds(seconds) > time.GetUtcNow();
    }

    private string Sign(string sha256, long expires) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key.Key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"evidence|{sha256}|{expires}"))));
}
