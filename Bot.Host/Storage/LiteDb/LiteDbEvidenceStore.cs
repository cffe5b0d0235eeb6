using System.Security.Cryptography;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Evidence files in LiteDB file storage, named by their SHA-256: the same file sent twice is stored once and
/// recognised the second time.
/// </summary>
internal sealed class LiteDbEvidenceStore(SinergiDatabase database) : IEvidenceStore
{
    /// <summary>Stores the bytes (unless already stored) and returns the evidence record and whether it was known.</summary>
    public (EvidenceFile File, bool Duplicate) Store(string fileName, string contentType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var id = "evidence/" + sha256;
        var name = SafeName(fileName);
        var evidence = new EvidenceFile { FileId = id, FileName = name, ContentType = contentType, Size = bytes.LongLength, Sha256 = sha256 };
        if (database.Files.Exists(id))
        {
            return (evidence, true);
        }

        using var stream = new MemoryStream(bytes, writable: false);
        database.Files.Upload(id, name, stream);
        return (evidence, false);
    }

    /// <summary>The stored bytes of an evidence file, or null.</summary>
    public byte[]? Read(string fileId)
    {
        if (!database.Files.Exists(fileId))
        {
            return null;
        }

        using var stream = new MemoryStream();
        database.Files.Download(fileId, stream);
        return stream.ToArray();
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length switch
        {
            0 => "file",
            > 100 => name[..100],
            _ => name,
        };
    }
}
