using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Pack;

/// <summary>
/// The knowledge pack: the Markdown files embedded from <c>Pack/</c>, parsed into passages once. Its hash
/// tells the index when the pack changed.
/// </summary>
internal sealed class KnowledgePackSource
{
    private readonly Lazy<(IReadOnlyList<Passage> Passages, string Hash)> _loaded = new(Load);

    public IReadOnlyList<Passage> Passages => _loaded.Value.Passages;

    public string Hash => _loaded.Value.Hash;

    private static (IReadOnlyList<Passage>, string) Load()
    {
        var assembly = typeof(KnowledgePackSource).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Bot.Knowledge.Pack.", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var passages = new List<Passage>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in names)
        {
            var text = Read(assembly, name);
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text));
            passages.AddRange(PackParser.Parse(text, FileStem(name)));
        }

        return (passages, Convert.ToHexString(hash.GetHashAndReset()));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The pack resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // "Bot.Knowledge.Pack.inpres-2-2020.md" → "inpres-2-2020".
    private static string FileStem(string resourceName)
    {
        var withoutExtension = resourceName[..^3];
        return withoutExtension[(withoutExtension.LastIndexOf('.') + 1)..];
    }
}
