using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench.Reminders;

/// <summary>
/// The managed allocations of each of a sweep's per-sweep reads (<see cref="RecipientDirectory.ForSweep"/>) for the
/// recipients of the sweep, one read at a time, measured on this thread. Run after the timed sweeps, so it does not
/// warm anything they read; the delivery log then holds the day's deliveries, as a second sweep of the day finds it.
/// </summary>
internal static class ReadBreakdown
{
    public static void Print(IServiceProvider provider, IReadOnlyCollection<string> recipients, DateTime now)
    {
        var users = provider.GetRequiredService<IUserStore>();
        var organisations = provider.GetRequiredService<IOrganisationStore>();
        var references = provider.GetRequiredService<IConversationReferenceStore>();
        var deliveries = provider.GetRequiredService<IDeliveryLog>();
        var directory = provider.GetRequiredService<RecipientDirectory>();

        IReadOnlyDictionary<string, BotUser> found = new Dictionary<string, BotUser>();
        var parts = new (string Name, Action Read)[]
        {
            ("users (GetMany)", () => found = users.GetMany(recipients)),
            ("OPDs (ListAll)", () => _ = organisations.ListAll()),
            ("references (FindLatestForOwners)", () => _ = references.FindLatestForOwners(found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Accounts, StringComparer.Ordinal))),
            ("deliveries (SentSince)", () => _ = deliveries.SentSince([.. found.Keys], now.AddDays(-1))),
            ("all four (ForSweep)", () => _ = directory.ForSweep(recipients, now)),
        };
        foreach (var (name, read) in parts)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            read();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"  per-sweep read {name}: {allocated / 1048576.0:F1} MB, {allocated / 1024.0 / Math.Max(1, recipients.Count):F1} KB per recipient");
        }
    }
}
