namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Durable Direct Line state: one record per conversation and its activity log, so a reload or reconnect after a
/// restart finds the conversation and replays the transcript.
/// </summary>
internal interface IDirectLineStore
{
    void Create(DirectLineConversation conversation);

    DirectLineConversation? Find(string conversationId);

    /// <summary>Writes the record; callers hold the conversation's feed lock (<see cref="ActivityFeed.Change"/>).</summary>
    void Update(DirectLineConversation conversation);

    /// <summary>
    /// Adds the entries and moves the conversation's watermark, atomically, together with
    /// <paramref name="alsoInTransaction"/> (a reminder's "sent" mark, a turn's settled echo): a throw from it adds nothing.
    /// </summary>
    void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null);

    /// <summary>Every entry from <paramref name="fromSequence"/> on, in order.</summary>
    IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence);

    DirectLineLogEntry? FindEntry(string activityId);

    /// <summary>
    /// Rewrites an entry's JSON (the echo settled after its turn); callers hold the feed lock. Echoes are stored
    /// redacted and only turned readable here: redacting after the fact would leave the words in the space the database
    /// frees, which it does not have to zero.
    /// </summary>
    void ReplaceJson(DirectLineLogEntry entry, string json);

    /// <summary>
    /// Deletes conversations idle since before <paramref name="cutoff"/>, and those whose user never posted anything
    /// idle since before <paramref name="unusedCutoff"/>; returns their ids.
    /// </summary>
    IReadOnlyList<string> DeleteIdle(DateTime cutoff, DateTime unusedCutoff);
}

/// <summary>A Direct Line conversation as stored.</summary>
internal sealed class DirectLineConversation
{
    public string Id { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;
    public string? UserName { get; set; }
    public string? Locale { get; set; }

    /// <summary>True once the bot got the conversation's first conversationUpdate.</summary>
    public bool Started { get; set; }

    /// <summary>Number of activities in the log; also the watermark a client holds after reading them all.</summary>
    public int NextSequence { get; set; }

    /// <summary>The latest timestamp handed out, so timestamps never go backwards (Web Chat sorts by them).</summary>
    public DateTime LastTimestamp { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>True while the last turn was confidential (a tip in progress): uploads stay out of the database.</summary>
    public bool Confidential { get; set; }

    /// <summary>Created without the secret (the page on this site): its uploads count against the anonymous caps.</summary>
    public bool Anonymous { get; set; }

    /// <summary>
    /// True from creation until the user first posts: until then the conversation is deleted soon after it goes idle
    /// (a record from before this flag existed lacks it and keeps the ordinary retention).
    /// </summary>
    public bool AwaitingFirstMessage { get; set; }
}

/// <summary>One activity of a conversation's client-facing log, as JSON.</summary>
internal sealed class DirectLineLogEntry
{
    public string Id { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;
    public int Sequence { get; set; }
    public string Json { get; set; } = string.Empty;
}
