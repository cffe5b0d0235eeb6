using System.Reflection;
using LiteDB.Engine;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Waits for LiteDB's log writer. LiteDB 5.0.x writes log pages on a background queue (DiskWriterQueue): Commit
/// returns once its pages are queued, not written, so an fsync right after Commit could miss them and a commit
/// could be acknowledged before it is on disk (a crash or a full disk in that window lost it; issue 14, finding 3).
/// LiteDB exposes no call that waits for the queue, so this reaches its "queue is empty" signal by reflection. The
/// version is pinned (Directory.Packages.props, LiteDB 5.0.20); the members are looked up once and a missing one
/// fails the first database open, loudly, rather than silently weakening durability.
/// </summary>
internal static class LiteLogQueue
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly FieldInfo DiskField = typeof(LiteEngine).GetField("_disk", Instance)
        ?? throw Changed("LiteEngine._disk");

    private static readonly PropertyInfo QueueProperty = DiskField.FieldType.GetProperty("Queue", Instance)
        ?? throw Changed("DiskService.Queue");

    private static readonly PropertyInfo IsValueCreated = QueueProperty.PropertyType.GetProperty("IsValueCreated")!;

    private static readonly PropertyInfo Value = QueueProperty.PropertyType.GetProperty("Value")!;

    private static readonly FieldInfo EmptyField = QueueProperty.PropertyType.GetGenericArguments()[0].GetField("_queueIsEmpty", Instance)
        ?? throw Changed("DiskWriterQueue._queueIsEmpty");

    /// <summary>Touches the members once, so a LiteDB that changed them fails at the first open.</summary>
    public static void EnsureSupported() => _ = EmptyField;

    /// <summary>Returns once every page <paramref name="engine"/> has queued for its log so far has been written.</summary>
    public static void WaitUntilWritten(LiteEngine engine)
    {
        if (DiskField.GetValue(engine) is not { } disk || QueueProperty.GetValue(disk) is not { } lazy || !(bool)IsValueCreated.GetValue(lazy)!)
        {
            return; // nothing was ever queued
        }

        if (EmptyField.GetValue(Value.GetValue(lazy)) is ManualResetEventSlim empty)
        {
            empty.Wait();
        }
    }

    private static InvalidOperationException Changed(string member) =>
        new($"LiteDB no longer has {member}; Sinergi needs it to wait for the log writer (Bot.Dialogs/Storage/LiteLogQueue.cs). Keep LiteDB at 5.0.20 or update this class.");
}
