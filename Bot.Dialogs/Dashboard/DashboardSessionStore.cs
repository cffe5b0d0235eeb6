using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Dashboard;

/// <summary>Server-side dashboard sessions with an expiry; the cookie carries only a random secret.</summary>
public sealed class DashboardSessionStore(IDashboardSessionStore store, TimeProvider time, IOptions<DashboardOptions> options)
{
    /// <summary>Starts a session and returns the secret for the cookie.</summary>
    public string Create(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        store.Add(
            new DashboardSession
            {
                Id = Hash(secret),
                UserId = userId,
                FormToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                CreatedAt = now,
                ExpiresAt = now + options.Value.SessionLifetime,
            },
            now);
        return secret;
    }

    /// <summary>The live session behind a cookie secret, or null when unknown or expired.</summary>
    public DashboardSession? Find(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 128)
        {
            return null;
        }

        var session = store.Get(Hash(secret));
        return session is not null && session.ExpiresAt > time.GetUtcNow().UtcDateTime ? session : null;
    }

    public void Delete(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length <= 128)
        {
            store.Delete(Hash(secret));
        }
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
