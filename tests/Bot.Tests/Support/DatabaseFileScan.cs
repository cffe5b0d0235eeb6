using System.Text;

namespace Bot.Tests.Support;

/// <summary>
/// Reads LiteDB's files as raw bytes, the way someone holding the file would, to prove what they do and do not tie
/// together (the tip line's privacy tests).
/// </summary>
public static class DatabaseFileScan
{
    public const int LiteDbPageSize = 8192;

    /// <summary>True when some 8 KiB page holds one of <paramref name="tip"/> and one of <paramref name="sender"/>.</summary>
    public static bool PageTies(byte[] file, string[] tip, string[] sender, out int pageOffset)
    {
        ArgumentNullException.ThrowIfNull(file);
        var tipBytes = tip.Select(Encoding.UTF8.GetBytes).ToArray();
        var senderBytes = sender.Select(Encoding.UTF8.GetBytes).ToArray();
        for (pageOffset = 0; pageOffset < file.Length; pageOffset += LiteDbPageSize)
        {
            var page = file.AsSpan(pageOffset, Math.Min(LiteDbPageSize, file.Length - pageOffset)).ToArray();
            if (tipBytes.Any(m => Contains(page, m)) && senderBytes.Any(i => Contains(page, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The data file and its log, read without disturbing a host that still has them open.</summary>
    public static byte[] ReadDatabaseFiles(string path)
    {
        var log = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        return File.Exists(log) ? [.. ReadShared(path), .. ReadShared(log)] : ReadShared(path);
    }

    /// <summary>The files of a host that was just stopped, once nothing in this process holds the folder's files open.</summary>
    public static byte[] ReadClosedDatabaseFiles(string path)
    {
        Reliability.StoreSnapshot.WaitUntilClosed(Path.GetDirectoryName(path)!);
        return ReadDatabaseFiles(path);
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
