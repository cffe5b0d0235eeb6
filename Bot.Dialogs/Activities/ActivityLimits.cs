using System.Text;

namespace Bot.Dialogs.Activities;

/// <summary>
/// Bounds on the ids an activity may carry. They become keys of stored documents and indexes (the storage refuses keys
/// of about a kilobyte), so a longer id must be refused at the door (400), not fail inside a turn (500).
/// </summary>
public static class ActivityLimits
{
    /// <summary>The longest id accepted, in UTF-8 bytes (real channels use well under 100).</summary>
    public const int MaxIdBytes = 256;

    /// <summary>The names of the activity's ids that are longer than <see cref="MaxIdBytes"/>.</summary>
    public static IReadOnlyList<string> OverlongIds(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var overlong = new List<string>();
        AddIfOverlong(overlong, activity.Id, "id");
        AddIfOverlong(overlong, activity.ChannelId, "channelId");
        AddIfOverlong(overlong, activity.Conversation?.Id, "conversation.id");
        AddIfOverlong(overlong, activity.From?.Id, "from.id");
        return overlong;
    }

    public static bool IsOverlong(string? id) => id is not null && Encoding.UTF8.GetByteCount(id) > MaxIdBytes;

    private static void AddIfOverlong(List<string> overlong, string? id, string name)
    {
        if (IsOverlong(id))
        {
            overlong.Add(name);
        }
    }
}
