namespace Bot.Knowledge;

/// <summary>Marks the Bot.Knowledge assembly (regulation Q&amp;A: pack, ingestion, retrieval, answering).</summary>
public static class KnowledgeAssembly
{
    /// <summary>The assembly's name, for diagnostics.</summary>
    public static string Name => typeof(KnowledgeAssembly).Assembly.GetName().Name!;
}
