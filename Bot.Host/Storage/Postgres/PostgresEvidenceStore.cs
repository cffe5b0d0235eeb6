using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>Evidence files in <c>evidence_files</c>, once per content (the id is the SHA-256).</summary>
internal sealed class PostgresEvidenceStore(PostgresDatabase database) : IEvidenceStore
{
    public (EvidenceFile File, bool Duplicate) Store(string fileName, string contentType, byte[] bytes)
    {
        var evidence = EvidenceFile.Of(fileName, contentType, bytes);
        var (id, name) = (evidence.FileId, evidence.FileName);
        var inserted = database.Use((c, t) => c.Execute(
            "insert into evidence_files (id, file_name, content) values (@id, @name, @bytes) on conflict (id) do nothing",
            new { id, name, bytes },
            t));
        return (evidence, inserted == 0);
    }

    public byte[]? Read(string fileId) => database.Use((c, t) =>
        c.QuerySingleOrDefault<byte[]>("select content from evidence_files where id = @fileId", new { fileId }, t));
}
