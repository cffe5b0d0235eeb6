using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>Evidence files, stored once per content (identified by their SHA-256).</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the bytes unless the same content is stored already (then <c>Duplicate</c> is true).</summary>
    (EvidenceFile File, bool Duplicate) Store(string fileName, string contentType, byte[] bytes);

    /// <summary>The file's bytes, or null.</summary>
    byte[]? Read(string fileId);
}
