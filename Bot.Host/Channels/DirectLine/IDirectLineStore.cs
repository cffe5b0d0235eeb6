namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Durable Direct Line state: one record per conversation and its activity log, so a reload or reconnect after a
/// restart finds the conversation and replays the transcript.
/// </summary>
internal interface IDirectLineStore
{
    void Create(DirectLineConversation conversation);

    /// <summary>
    /// The record, with <see cref="DirectLineConversation.NextSequence"/> and <see cref="DirectLineConversation.LastTimestamp"/>
    /// as the transcript holds them (the record is not rewritten for each turn; see <see cref="Append"/>).
    /// </summary>
    DirectLineConversation? Find(string conversationId);

    /// <summary>Writes the record; callers hold the conversation's feed lock (<see cref="ActivityFeed.Change"/>).</summary>
    void Update(DirectLineConversation conversation);

    /// <summary>
    /// Adds the entries (a turn's echo and replies, consecutive from the conversation's watermark) to the transcript as
    /// one page, which moves the watermark and the last timestamp (<paramref name="conversation"/>'s), atomically,
    /// together with <paramref name="alsoInTransaction"/> (a reminder's "sent" mark): a throw from it adds nothing. The
    /// record itself is written only when <paramref name="writeRecord"/>. Two appends at one place cannot both commit.
    /// </summary>
    void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null, bool writeRecord = false);

    /// <summary>Every entry from <paramref name="fromSequence"/> on, in order.</summary>
    IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence);

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

    /// <summary>
    /// Number of activities in the log; also the watermark a client holds after reading them all. Kept by the
    /// transcript (<see cref="IDirectLineStore.Find"/> fills it in); a stored record holds it as of its last write.
    /// </summary>
    public int NextSequence { get; set; }

    /// <summary>The latest timestamp handed out, so timestamps never go backwards (Web Chat sorts by them).</summary>
    public DateTime LastTimestamp { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the conversation was last used, to a few minutes (<see cref="ActivityFeed.TouchInterval"/>): a turn rewrites the record only when this is older.</summary>
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

    /// <summary>A copy (every member is a value or a string).</summary>
    public DirectLineConversation Copy() => (DirectLineConversation)MemberwiseClone();
}

/// <summary>One activity of a conversation's client-facing log, as JSON.</summary>
internal sealed class DirectLineLogEntry
{
    public string Id { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;
    public int Sequence { get; set; }
    public string Json { get; set; } = string.Empty;
}

/// <summary>
/// One append to a conversation's transcript (a turn's echo and replies, or a reminder) as stored: one document or
/// row per append, keyed by the conversation and the place of its first entry, so that two appends at one place
/// cannot both commit. The conversation's watermark and last timestamp are those of its last page.
/// </summary>
internal sealed class DirectLineTranscriptPage
{
    public string Id { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;

    /// <summary>The place of the first entry.</summary>
    public int Sequence { get; set; }

    /// <summary>The timestamp of the last entry.</summary>
    public DateTime LastTimestamp { get; set; }

    public List<DirectLineTranscriptEntry> Entries { get; set; } = [];

    /// <summary>The watermark after this page.</summary>
    public int After() => Sequence + Entries.Count;

    public static string IdOf(string conversationId, int sequence) => conversationId + "|" + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public static DirectLineTranscriptPage Of(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(entries);
        var first = entries.Count > 0 ? entries[0].Sequence : conversation.NextSequence;
        return new DirectLineTranscriptPage
        {
            Id = IdOf(conversation.Id, first),
            ConversationId = conversation.Id,
            Sequence = first,
            LastTimestamp = conversation.LastTimestamp,
            Entries = [.. entries.Select(e => new DirectLineTranscriptEntry { Id = e.Id, Json = e.Json })],
        };
    }

    /// <summary>The page's entries from <paramref name="fromSequence"/> on.</summary>
    public IEnumerable<DirectLineLogEntry> From(int fromSequence) =>
        Entries.Select((e, i) => new DirectLineLogEntry { Id = e.Id, ConversationId = ConversationId, Sequence = Sequence + i, Json = e.Json })
            .Where(e => e.Sequence >= fromSequence);
}

/// <summary>One activity of a transcript page, as JSON served byte for byte.</summary>
internal sealed class DirectLineTranscriptEntry
{
    public string Id { get; set; } = string.Empty;
    public string Json { get; set; } = string.Empty;
}
