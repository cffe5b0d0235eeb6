using Bot.Knowledge;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Understanding;

/// <summary>Conversation hosts for the understanding tests: the real pipeline, with regulation Q&amp;A when asked for.</summary>
internal static class UnderstandingHosts
{
    /// <summary>The conversation layer and the real knowledge services (pack, index, safety screen) over one folder.</summary>
    public static DialogsHost WithQuestions(string folder) => new(folder, configure: services =>
        services.AddBotKnowledge(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder }).Build()));
}
