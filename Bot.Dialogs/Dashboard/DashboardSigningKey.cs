using System.Security.Cryptography;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Dashboard;

/// <summary>
/// The HMAC key of sign-in links: from configuration when given, else a random key created once in the data
/// folder (readable by the owner only) so that links issued before a restart still work.
/// </summary>
public sealed class DashboardSigningKey
{
    public const string FileName = "dashboard-signing.key";
    private const int MinimumBytes = 32;

    public DashboardSigningKey(IOptions<DashboardOptions> dashboard, IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(storage);
        Key = string.IsNullOrWhiteSpace(dashboard.Value.SigningKey)
            ? LoadOrCreate(Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), FileName))
            : Decode(dashboard.Value.SigningKey);
    }

    internal byte[] Key { get; }

    private static byte[] Decode(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("Dashboard:SigningKey must be Base64 (e.g. `openssl rand -base64 32`).", ex);
        }

        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"Dashboard:SigningKey must decode to at least {MinimumBytes} bytes.");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs so both accept the same links.
            return Decode(File.ReadAllText(path));
        }
    }
}
