using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The HMAC key that signs Direct Line tokens: the configured one, or a random key generated on first start and
/// kept in the data folder, so tokens (and open web chats) stay valid across restarts.
/// </summary>
internal sealed class DirectLineSigningKey
{
    public const string FileName = "directline-signing.key";

    public DirectLineSigningKey(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage)
    {
        var configured = options.Value.TokenSigningKey;
        Bytes = string.IsNullOrEmpty(configured)
            ? LoadOrCreate(Path.Combine(Path.GetDirectoryName(storage.Value.DatabasePath)!, FileName))
            : Encoding.UTF8.GetBytes(configured);
    }

    public byte[] Bytes { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Only the service account may read it: the key lets anyone mint tokens for any conversation.
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, file))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }
}
