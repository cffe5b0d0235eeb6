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
        var evidence = EvidenceFile.Of(fileName, contentType, bytes);
        var (id, name) = (evidence.FileId, evidence.FileName);
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
}
