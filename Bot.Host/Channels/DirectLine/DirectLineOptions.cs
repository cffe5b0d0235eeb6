using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Channels.DirectLine;

/// <summary>The built-in Direct Line 3.0 server for the web chat (configuration section <c>DirectLine</c>).</summary>
internal sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Key for signing tokens (HMAC-SHA256), at least 32 characters. Empty: a random key is generated once and kept
    /// in the data folder, so tokens survive a restart.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>
    /// Optional secret a backend sends as <c>Authorization: Bearer</c> to <c>tokens/generate</c>. The page on the
    /// same origin may always generate a token without it unless <see cref="AllowAnonymousTokens"/> is false.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Whether a same-origin caller without the secret may generate a token (the local default).</summary>
    public bool AllowAnonymousTokens { get; set; } = true;

    /// <summary>How long a token is valid; Web Chat refreshes it every 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:16:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a web chat device keeps its identity without being used (the HttpOnly cookie's lifetime, slid forward
    /// on use): a new tab or a browser restart within it is the same person.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan DeviceLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long an idle conversation (and its uploads) is kept; never less than a day.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan ConversationRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Largest accepted JSON body (an activity), in bytes.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Largest accepted uploaded file, in bytes.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    [Range(1, 20)]
    public int MaxFilesPerUpload { get; set; } = 5;

    /// <summary>Conversations one client address may create per minute without the secret (tokens/generate).</summary>
    [Range(1, 100_000)]
    public int TokensPerMinutePerAddress { get; set; } = 60;

    /// <summary>Uploads one client address may make per minute.</summary>
    [Range(1, 100_000)]
    public int UploadsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Uploads one conversation may make per minute.</summary>
    [Range(1, 100_000)]
    public int UploadsPerMinutePerConversation { get; set; } = 10;

    /// <summary>Bytes of uploads one anonymous conversation may keep stored.</summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxUploadBytesPerConversation { get; set; } = 50L * 1024 * 1024;

    /// <summary>Bytes of uploads all anonymous conversations together may keep stored (the disk the public can fill).</summary>
    [Range(1024, 1024L * 1024 * 1024 * 1024)]
    public long MaxAnonymousUploadBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>A conversation whose user never sent anything is deleted after being idle this long.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan UnusedConversationRetention { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(TokenSigningKey) && TokenSigningKey.Length < 32)
        {
            yield return new ValidationResult("DirectLine:TokenSigningKey must be at least 32 characters (or empty for a generated key).", [nameof(TokenSigningKey)]);
        }

        if (ConversationRetention <= TokenLifetime)
        {
            yield return new ValidationResult("DirectLine:ConversationRetention must be longer than DirectLine:TokenLifetime.", [nameof(ConversationRetention)]);
        }
    }
}
