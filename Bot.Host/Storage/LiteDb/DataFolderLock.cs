using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// One writer per data folder (issue 14, finding 2: a second host, or <c>chat</c> beside a running host, corrupted
/// <c>conversation_states</c>). The first process to open the folder holds an exclusive OS lock on
/// <c>sinergi.lock</c> (flock on Linux, a sharing lock on Windows) until it exits; the kernel drops it when the
/// process dies, even by SIGKILL. Next to it, <c>sinergi.lock.json</c> says who holds it (process id, command,
/// start time, and the host's addresses once it listens), so a second process can name the holder in its refusal
/// and a verb can reach the running host.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string LockFileName = "sinergi.lock";
    public const string HolderFileName = "sinergi.lock.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly FileStream _lock;
    private LockHolder _holder;

    private DataFolderLock(string folder, FileStream held, LockHolder holder)
    {
        Folder = folder;
        _lock = held;
        _holder = holder;
        WriteHolder();
    }

    /// <summary>The data folder, as a full path.</summary>
    public string Folder { get; }

    /// <summary>Takes the folder's lock or throws <see cref="DataFolderInUseException"/> naming the process that has it.</summary>
    public static DataFolderLock Acquire(string folder)
    {
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new DataFolderInUseException(full, ReadHolder(full), ex);
        }

        using var self = Process.GetCurrentProcess();
        var holder = new LockHolder(Environment.ProcessId, string.Join(' ', Environment.GetCommandLineArgs()), self.StartTime.ToUniversalTime(), []);
        return new DataFolderLock(full, held, holder);
    }

    /// <summary>Who holds the folder's lock, as the holder last described itself; null when nobody ever did.</summary>
    public static LockHolder? ReadHolder(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(Path.Combine(Path.GetFullPath(folder), HolderFileName)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Records where the holding host listens, so verbs started beside it can reach it.</summary>
    public void Announce(IReadOnlyList<string> addresses)
    {
        _holder = _holder with { Addresses = [.. addresses] };
        WriteHolder();
    }

    public void Dispose() => _lock.Dispose();

    private void WriteHolder()
    {
        try
        {
            File.WriteAllText(Path.Combine(Folder, HolderFileName), JsonSerializer.Serialize(_holder, Json));
        }
        catch (IOException)
        {
            // The description is a courtesy to the next process; the lock itself is what counts.
        }
    }
}

/// <summary>The process that holds a data folder.</summary>
public sealed record LockHolder(int ProcessId, string Command, DateTime StartedUtc, IReadOnlyList<string> Addresses)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} ({Command}), started {StartedUtc:yyyy-MM-dd HH:mm} UTC")
        + (Addresses.Count > 0 ? ", listening on " + string.Join(", ", Addresses) : string.Empty);
}

/// <summary>Another process holds the data folder; the message names it and says what to do.</summary>
public sealed class DataFolderInUseException(string folder, LockHolder? holder, Exception inner) : IOException(
    $"The data folder {folder} is in use by " + (holder?.ToString() ?? "another process") + ". Only one process may use a data folder at a time: "
    + "stop that process first, or give this one another folder (Storage__DataDirectory).",
    inner)
{
    public string Folder { get; } = folder;

    public LockHolder? Holder { get; } = holder;
}
