using Microsoft.ML;

namespace Bot.Knowledge.Language;

/// <summary>
/// Trained <see cref="TextClassifier"/> models kept on disk, one zip per example set (named by the SHA-256 of its
/// labels and texts), so a host that starts again, or another host process on the same machine, loads its models in
/// a fraction of a second instead of training them for ten seconds or more. A file that cannot be read (damaged,
/// written by another ML.NET version) is ignored and replaced by a fresh training; files are written whole under a
/// temporary name and then renamed, so a reader never sees half a model. The cache only saves time: when the folder
/// cannot be written the model is trained as if there were none.
/// </summary>
internal static class ModelFileCache
{
    private static volatile string? s_directory;

    /// <summary>The folder in use, or null when the cache is off (the default until a host configures it).</summary>
    public static string? Directory => s_directory;

    /// <summary>Uses <paramref name="directory"/> from now on (null turns the cache off).</summary>
    public static void Use(string? directory) => s_directory = string.IsNullOrWhiteSpace(directory) ? null : Path.GetFullPath(directory);

    /// <summary>The model stored in <paramref name="directory"/> under <paramref name="fingerprint"/>, or null when there is none or it cannot be read.</summary>
    public static ITransformer? TryLoad(MLContext context, string? directory, string fingerprint, out DataViewSchema? inputSchema)
    {
        inputSchema = null;
        var path = PathOf(directory, fingerprint);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return context.Model.Load(stream, out inputSchema);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            TryDelete(path);
            return null;
        }
    }

    /// <summary>Stores the model in <paramref name="directory"/> under <paramref name="fingerprint"/> (best effort).</summary>
    public static void TrySave(MLContext context, ITransformer model, DataViewSchema inputSchema, string? directory, string fingerprint)
    {
        var path = PathOf(directory, fingerprint);
        if (path is null)
        {
            return;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temporary))
            {
                context.Model.Save(model, inputSchema, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The default folder: per user, outside any data folder (models are derived from files in the build).</summary>
    public static string DefaultDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "sinergi", "models");

    /// <summary>The file of a model in <paramref name="directory"/> (null: no cache, no file).</summary>
    public static string? PathOf(string? directory, string fingerprint) => directory is null ? null : Path.Combine(directory, $"{fingerprint}.zip");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover file is replaced or ignored next time.
        }
    }
}
