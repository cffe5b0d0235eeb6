using System.Security.Cryptography;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Operations;

/// <summary>
/// The secret that lets a verb on this machine ask the running host for an operation (an online backup): made
/// afresh at each start and written to <c>&lt;DataDirectory&gt;/sinergi.control</c>, readable by the service account
/// only. Whoever can read it can read the database files anyway.
/// </summary>
internal sealed class ControlToken
{
    public const string FileName = "sinergi.control";

    public ControlToken(IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Value = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var path = PathIn(storage.Value.DataDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, file);
        writer.Write(Value);
    }

    public string Value { get; }

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>True when <paramref name="presented"/> is the token (compared in constant time).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(presented), System.Text.Encoding.ASCII.GetBytes(Value));
}
