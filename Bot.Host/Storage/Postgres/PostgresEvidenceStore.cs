using System.Security.Cryptography;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>Evidence files in <c>evidence_files</c>, once per content (the id is the SHA-256).</summary>
internal sealed class PostgresEvidenceStore(PostgresDatabase database) : IEvidenceStore
{
    public (EvidenceFile File, bool Duplicate) Store(string fileName, string contentType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var id = "evidence/" + sha256;
        var name = SafeName(fileName);
        var evidence = new EvidenceFile { FileId = id, FileName = name, ContentType = contentType, Size = bytes.LongLength, Sha256 = sha256 };
        var inserted = database.Use((c, t) => c.Execute(
            "insert into evidence_files (id, file_name, content) values (@id, @name, @bytes) on conflict (id) do nothing",
            new { id, name, bytes },
            t));
        return (evidence, inserted == 0);
    }

    public byte[]? Read(string fileId) => database.Use((c, t) =>
        c.QuerySingleOrDefault<byte[]>("select content from evidence_files where id = @fileId", new { fileId }, t));

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
