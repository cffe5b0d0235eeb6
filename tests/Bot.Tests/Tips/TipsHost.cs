using Bot.Host.Storage.LiteDb;
using Bot.Dialogs;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Bot.Host.Web.SignedLinks;

namespace Bot.Tests.Tips;

/// <summary>The real conversation layer on a temp LiteDB file, with a channel sender that records proactive messages.</summary>
internal sealed class TipsHost : IDisposable
{
    private readonly ServiceProvider _services;

    public TipsHost(string dataDirectory, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IChannelSender>(Sent);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services.AddBotDialogs(configuration);
        services.AddLiteDbStorage(configuration);
        services.AddSignedLinks();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 8, 15, 13, 47, 12, TimeSpan.Zero));

    public RecordingSender Sent { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();

    /// <summary>Delivers proactive messages of every channel into a list.</summary>
    internal sealed class RecordingSender : IChannelSender
    {
        private readonly List<Activity> _activities = [];

        public IReadOnlyList<Activity> Activities
        {
            get
            {
                lock (_activities)
                {
                    return [.. _activities];
                }
            }
        }

        public bool CanDeliver(ConversationReference reference) => true;

        public Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
        {
            lock (_activities)
            {
                _activities.Add(message.Activity);
            }

            return message.Record.WriteAfterSendAsync(cancellationToken);
        }
    }
}
