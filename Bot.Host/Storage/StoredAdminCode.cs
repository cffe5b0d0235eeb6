using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Storage;

/// <summary>
/// The bootstrap admin code as both storage adapters keep it: only its SHA-256, compared in constant time, and who
/// used it when.
/// </summary>
internal sealed class StoredAdminCode
{
    public string Id { get; set; } = string.Empty;
    public string Hash { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public string? UsedBy { get; set; }
    public DateTime? UsedAt { get; set; }

    /// <summary>The stored form of a code (hex SHA-256 of its UTF-8 bytes).</summary>
    public static string HashOf(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Whether a typed code (any case, spaces around) is this one.</summary>
    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(HashOf(code.Trim().ToUpperInvariant())), Convert.FromHexString(Hash));
}
