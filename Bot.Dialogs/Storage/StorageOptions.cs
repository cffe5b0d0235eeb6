using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Storage;

/// <summary>Where the durable data lives (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for the database and the search index; created when missing. Default <c>./data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The main database file inside <see cref="DataDirectory"/>.</summary>
    [Required]
    public string DatabaseFile { get; set; } = "sinergi.db";

    /// <summary>
    /// The tips' own database file inside <see cref="DataDirectory"/>: nothing of a tip is ever written to the main
    /// file, whose log holds the senders' turns (issue 14, finding 8).
    /// </summary>
    [Required]
    public string TipsDatabaseFile { get; set; } = "tips.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFile));

    public string TipsDatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, TipsDatabaseFile));
}
