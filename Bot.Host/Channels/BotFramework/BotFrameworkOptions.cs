namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// The Bot Framework channel (configuration section <c>BotFramework</c>). The credential names are the ones the
/// Bot Framework SDK uses, so an Azure Bot registration's values can be pasted in unchanged.
/// </summary>
internal sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    public const string PublicCloudIssuer = "https://api.botframework.com";

    /// <summary>The bot's app id. Empty turns authentication off (local development, protocol §3.3).</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    public string MicrosoftAppPassword { get; set; } = string.Empty;

    public string MicrosoftAppTenantId { get; set; } = string.Empty;

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>; managed identities are not supported.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    /// <summary>Where the channel signing keys are published (OpenID metadata with a <c>jwks_uri</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>
    /// Where the Entra keys for Bot Framework Emulator tokens are published; empty refuses Emulator tokens.
    /// </summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>Accepted token issuers; empty means the public cloud's one.</summary>
    // An array default would be appended to by the configuration binder, hence null and EffectiveIssuers.
    public string[]? ValidIssuers { get; set; }

    /// <summary>The client-credentials token endpoint; empty derives it from the app type and tenant.</summary>
    public string TokenEndpoint { get; set; } = string.Empty;

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest accepted request body; bigger bodies get 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How many times one outgoing activity is tried (429, 5xx and network failures are retried).</summary>
    public int DeliveryMaxAttempts { get; set; } = 4;

    /// <summary>The first back-off wait; it doubles per attempt unless the channel sends Retry-After.</summary>
    public TimeSpan DeliveryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer than this, whatever Retry-After says.</summary>
    public TimeSpan DeliveryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With no app id, requests without a token are accepted only from loopback unless this is true: an
    /// unauthenticated bot endpoint must not be reachable from the network by accident.
    /// </summary>
    public bool AllowAnonymousRemote { get; set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Outgoing calls carry a token only when the bot has both an id and a password.</summary>
    public bool HasCredentials => AuthenticationEnabled && !string.IsNullOrWhiteSpace(MicrosoftAppPassword);

    public IReadOnlyList<string> EffectiveIssuers => ValidIssuers is { Length: > 0 } ? ValidIssuers : [PublicCloudIssuer];

    public Uri EffectiveTokenEndpoint => new(string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(IsSingleTenant ? MicrosoftAppTenantId : "botframework.com")}/oauth2/v2.0/token"
        : TokenEndpoint);

    private bool IsSingleTenant => string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>Configuration mistakes, reported at start-up rather than on the first message.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsSingleTenant && !string.Equals(MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"BotFramework:MicrosoftAppType '{MicrosoftAppType}' is not supported; use MultiTenant or SingleTenant.";
        }

        if (IsSingleTenant && (string.IsNullOrWhiteSpace(MicrosoftAppTenantId) || !HasCredentials))
        {
            yield return "A SingleTenant bot needs BotFramework:MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.";
        }

        if (!AuthenticationEnabled && !string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return "BotFramework:MicrosoftAppPassword is set but MicrosoftAppId is empty.";
        }

        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            yield return "BotFramework:OpenIdMetadataUrl must be an absolute URL.";
        }

        if (!string.IsNullOrWhiteSpace(EmulatorOpenIdMetadataUrl) && !Uri.TryCreate(EmulatorOpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            yield return "BotFramework:EmulatorOpenIdMetadataUrl must be an absolute URL or empty.";
        }

        if (!string.IsNullOrWhiteSpace(TokenEndpoint) && !Uri.TryCreate(TokenEndpoint, UriKind.Absolute, out _))
        {
            yield return "BotFramework:TokenEndpoint must be an absolute URL.";
        }

        if (MaxRequestBytes <= 0 || DeliveryMaxAttempts <= 0 || DeliveryBaseDelay < TimeSpan.Zero || DeliveryMaxDelay < DeliveryBaseDelay)
        {
            yield return "BotFramework:MaxRequestBytes and DeliveryMaxAttempts must be positive and DeliveryMaxDelay at least DeliveryBaseDelay.";
        }
    }
}
