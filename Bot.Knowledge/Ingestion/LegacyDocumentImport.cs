using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Moves documents ingested before they were kept in the database (files in <c>&lt;knowledge&gt;/documents</c>) into the
/// store, once: each is saved by its content hash (a document stored already is not written again, so hosts importing
/// the same files do no harm), then the folder is renamed <c>documents.imported</c>.
/// </summary>
internal static class LegacyDocumentImport
{
    public static void Run(string knowledgeFolder, IKnowledgeDocumentStore store, ILogger logger)
    {
        if (store is FolderDocumentStore)
        {
            return;
        }

        var folder = Path.Combine(knowledgeFolder, "documents");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (StoredDocuments.FromJson(File.ReadAllText(file)) is { } document && store.Save(document))
            {
                imported++;
            }
        }

        Directory.Move(folder, folder + ".imported");
        logger.LogInformation("Moved {Imported} ingested documents from {Folder} into the document store", imported, folder);
    }
}
