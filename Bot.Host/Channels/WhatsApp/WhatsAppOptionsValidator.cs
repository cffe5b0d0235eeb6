using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>When the channel is on, every secret it needs must be there, so a gap fails at start, not at the first message.</summary>
internal sealed class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    internal static readonly string[] ParameterSources = ["text", "firstLine", "name"];

    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        Require(options.VerifyToken, nameof(options.VerifyToken), failures);
        Require(options.AppSecret, nameof(options.AppSecret), failures);
        Require(options.AccessToken, nameof(options.AccessToken), failures);
        Require(options.PhoneNumberId, nameof(options.PhoneNumberId), failures);
        if (!options.GraphBaseUrl.IsAbsoluteUri || options.GraphBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("WhatsApp:GraphBaseUrl must be an absolute http(s) URL.");
        }

        foreach (var source in options.ReminderTemplate.BodyParameterSources)
        {
            if (!ParameterSources.Contains(source, StringComparer.Ordinal))
            {
                failures.Add($"WhatsApp:ReminderTemplate:BodyParameters has '{source}'; use one of: {string.Join(", ", ParameterSources)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"WhatsApp:{key} is required when WhatsApp:Enabled is true.");
        }
    }
}
