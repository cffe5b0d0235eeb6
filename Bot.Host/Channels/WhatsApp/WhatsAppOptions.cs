using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>The WhatsApp Cloud API channel (configuration section <c>WhatsApp</c>); off unless enabled.</summary>
public sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";

    /// <summary>When false the webhook answers 404 and nothing is sent.</summary>
    public bool Enabled { get; set; }

    /// <summary>The token typed into the Meta dashboard when the callback URL is saved.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Meta app secret: the HMAC key of <c>X-Hub-Signature-256</c>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>A system-user access token with <c>whatsapp_business_messaging</c>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The business phone number id the bot answers on; messages to other numbers are ignored.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The Graph API origin; tests point it at a loopback stub.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    [Required]
    [RegularExpression(@"^v\d+\.\d+$")]
    public string GraphApiVersion { get; set; } = "v21.0";

    /// <summary>Larger webhook bodies are refused with 413 (Meta sends at most 3 MB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a message id is remembered to drop Meta's retries (Meta retries for up to 7 days).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "60.00:00:00")]
    public TimeSpan DeduplicationRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A conversation's messages wait until it has been quiet this long, then run in timestamp order, so that
    /// two messages Meta delivers swapped are still answered in the order the user wrote them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Least time between two messages to the same user (Meta's pair rate limit is about one per 6 s on average).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MinSendInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>First back-off after a rate-limit answer; each further attempt waits four times longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one back-off wait.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(64);

    /// <summary>Tries per message when Graph answers with a rate limit (429, 130429, 131056).</summary>
    [Range(1, 10)]
    public int MaxSendAttempts { get; set; } = 4;

    /// <summary>Timeout of one Graph call; a timed-out send is reported, never blindly repeated.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan GraphTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest user file the channel downloads from the media API.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxMediaBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The approved template used for proactive messages outside the 24-hour window.</summary>
    public WhatsAppTemplateOptions ReminderTemplate { get; set; } = new();
}

/// <summary>An approved message template and how a proactive message fills its parameters.</summary>
public sealed class WhatsAppTemplateOptions
{
    /// <summary>The template name as approved in WhatsApp Manager; empty means no template.</summary>
    public string? Name { get; set; }

    /// <summary>The template's language code, e.g. <c>id</c> or <c>en_US</c>.</summary>
    public string Language { get; set; } = "id";

    /// <summary>
    /// The body parameters ({{1}}, {{2}}, …) in order, comma-separated: <c>text</c> (the message on one line),
    /// <c>firstLine</c> (its first line), <c>name</c> (the user's WhatsApp profile name). Empty: no parameters.
    /// A comma list rather than an array, because binding appends an array to its default.
    /// </summary>
    public string BodyParameters { get; set; } = "text";

    public IReadOnlyList<string> BodyParameterSources =>
        BodyParameters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How many quick-reply buttons the template has; their payloads are the message's suggested actions.</summary>
    [Range(0, 10)]
    public int QuickReplyButtons { get; set; }

    /// <summary>Longest body parameter; longer values are cut with an ellipsis.</summary>
    [Range(10, 1024)]
    public int MaxParameterLength { get; set; } = 500;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Name);
}
