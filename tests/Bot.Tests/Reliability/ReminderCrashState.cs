using System.Text.Json;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Reliability;

/// <summary>
/// What the database of a dead host says about reminders: every outbox row by key, the in-flight records, and the
/// reminder messages in each Direct Line transcript (by their <c>channelData.clientActivityID</c>).
/// </summary>
internal sealed record ReminderCrashState(
    IReadOnlyDictionary<string, ReminderItem> Rows,
    IReadOnlyList<InFlightMessage> InFlight,
    IReadOnlyDictionary<string, IReadOnlyList<TranscriptReminder>> Transcripts)
{
    /// <summary>Reads the database in <paramref name="folder"/>; the host must not be running on it.</summary>
    public static ReminderCrashState Read(string folder, IEnumerable<string> directLineConversations)
    {
        using var database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = folder }));
        var store = new LiteDbDirectLineStore(database);
        var claims = new LiteDbReminderClaims(database);

        // The messages in flight are read from the claim documents, which carry them (and from the records written on
        // their own when their rows went back to pending).
        return new ReminderCrashState(
            new LiteDbReminderOutbox(database, claims).All().ToDictionary(r => r.Id, StringComparer.Ordinal),
            new LiteDbInFlightMessages(claims).All(),
            directLineConversations.ToDictionary(
                id => id,
                id => (IReadOnlyList<TranscriptReminder>)store.ReadFrom(id, 0).Select(e => TranscriptReminder.Parse(e.Json)).OfType<TranscriptReminder>().ToList(),
                StringComparer.Ordinal));
    }

    /// <summary>
    /// Reads a copy of <paramref name="folder"/> as it is on disk now, so that the host restarted on the original
    /// finds exactly what the crash left (opening a LiteDB file replays its log into it).
    /// </summary>
    public static ReminderCrashState ReadCopy(string folder, string scratch, IEnumerable<string> directLineConversations)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(scratch, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return Read(scratch, directLineConversations);
    }
}

/// <summary>A reminder message as the web chat transcript holds it.</summary>
internal sealed record TranscriptReminder(string ClientActivityId, string Text)
{
    public static TranscriptReminder? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var activity = document.RootElement;
        return activity.TryGetProperty("channelData", out var data)
            && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(ProactiveMessage.ClientActivityIdKey, out var id)
            && id.GetString() is { } messageId
            ? new TranscriptReminder(messageId, activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty)
            : null;
    }
}
