using Bot.Knowledge.Retrieval;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Health;

/// <summary>What the readiness probe says about the regulation index: searchable, and how many passages it holds.</summary>
public sealed record KnowledgeStatus(bool IsReady, int Passages, string? Reason);

/// <summary>
/// Whether questions can be answered from the index: its folder still holds a committed index and a search over it
/// finds passages. Without it every question would get "not covered", so a host in that state is not ready (the
/// index is rebuilt from the pack and the stored documents at the next start).
/// </summary>
public sealed class KnowledgeReadiness
{
    private readonly PassageIndex _index;
    private readonly string _folder;

    internal KnowledgeReadiness(PassageIndex index, IOptions<KnowledgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _folder = Path.Combine(options.Value.ResolveDataDirectory(null), "index");
    }

    public KnowledgeStatus Check(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // Searching first builds the index on a fresh folder; the folder is then checked as well, because an
            // open searcher keeps reading files that were deleted under it.
            var (_, passages) = _index.Frequency(string.Empty);
            using (var directory = FSDirectory.Open(new DirectoryInfo(_folder)))
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    return new KnowledgeStatus(false, 0, "the index folder holds no committed index");
                }
            }

            return passages > 0
                ? new KnowledgeStatus(true, passages, null)
                : new KnowledgeStatus(false, 0, "the index holds no passages");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new KnowledgeStatus(false, 0, e.GetType().Name + ": " + e.Message);
        }
    }
}
