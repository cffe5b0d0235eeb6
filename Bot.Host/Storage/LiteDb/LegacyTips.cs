using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Databases from before the tips had their own file kept them in the main one. At start such tips and their photos
/// move to the tips' file (one transaction there, then one here), and the main file is checkpointed so its log no
/// longer holds them. Pages LiteDB freed may still hold the old bytes until they are reused (README, "Tip line privacy").
/// </summary>
internal static class LegacyTips
{
    private const string Collection = "tips";
    private const string PhotoPrefix = "tip-photo/";

    public static void MoveOutOf(SinergiDatabase main, SinergiDatabase tips)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(tips);
        if (ReferenceEquals(main, tips) || !main.Raw.CollectionExists(Collection) || main.Raw.GetCollection(Collection).Count() == 0)
        {
            return;
        }

        var documents = main.Raw.GetCollection(Collection).FindAll().ToList();
        var photos = main.Files.Find(f => f.Id.StartsWith(PhotoPrefix)).ToList();
        tips.InTransaction(() =>
        {
            tips.Raw.GetCollection(Collection).Upsert(documents);
            foreach (var photo in photos.Where(p => !tips.Files.Exists(p.Id)))
            {
                using var content = new MemoryStream();
                main.Files.Download(photo.Id, content);
                content.Position = 0;
                tips.Files.Upload(photo.Id, photo.Filename, content);
                var files = tips.Raw.GetCollection("_files");
                var info = files.FindById(photo.Id);
                info["uploadDate"] = photo.UploadDate;
                files.Update(info);
            }
        });

        main.InTransaction(() =>
        {
            foreach (var photo in photos)
            {
                main.Files.Delete(photo.Id);
            }

            // Emptied, not dropped: LiteDB refuses DropCollection while the engine holds a transaction, and a
            // folder from before the move could then no longer start the host. An empty collection is skipped.
            main.Raw.GetCollection(Collection).DeleteAll();
        });
        main.Raw.Checkpoint();
    }
}
