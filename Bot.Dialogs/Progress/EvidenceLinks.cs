using System.Globalization;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine.Protection;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Signed links to evidence files, so coordinators see a report's photos and PDFs in the chat itself (channels
/// fetch an image attachment by URL). A link names the file by its SHA-256 and carries a sealed token (<see cref="ILinkProtector"/>, Data Protection in the host) of
/// that hash and its expiry; the host serves it at <see cref="PathPrefix"/> until it expires (<see cref="Lifetime"/>)
/// and never for a file that no report refers to.
/// </summary>
public sealed class EvidenceLinks(ILinkProtector protector, LegacyEvidenceLinks legacy, IOptions<DashboardOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/bukti/";
    public const string Purpose = "Sinergi.Evidence.Link.v1";

    /// <summary>How long a link shown in the chat keeps working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Uri UrlFor(EvidenceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var token = protector.Protect(Purpose, file.Sha256, time.GetUtcNow() + Lifetime);
        var name = Uri.EscapeDataString(file.FileName.Length > 0 ? file.FileName : "bukti");
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{PathPrefix}{file.Sha256}/{name}?t={token}"));
    }

    /// <summary>
    /// True when the link is ours, names this file and has not expired: a token <paramref name="t"/>, or until the
    /// legacy window closes, the old <paramref name="e"/>/<paramref name="s"/> pair (<see cref="LegacyEvidenceLinks"/>).
    /// </summary>
    public bool IsValid(string sha256, string? t, string? e, string? s)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (t is null)
        {
            return legacy.IsValid(sha256, e, s);
        }

        var read = protector.Unprotect(Purpose, t);
        return read.State == ProtectedState.Valid && string.Equals(read.Payload, sha256, StringComparison.Ordinal);
    }
}
