using System.Security.Cryptography;
using System.Text;

namespace Ats.Domain.Webhooks;

/// Secrets and signatures per the Standard Webhooks specification (standardwebhooks.com).
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// "whsec_" and 24 random bytes in base64: 192 bits, more than HMAC-SHA256 needs.
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// "v1,&lt;base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;", keyed with the secret's bytes after "whsec_".
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// The webhook-signature header: the current secret's signature, then those of the replaced secrets still within
    /// their 24 hours, newest first.
    public static string Header(WebhookEndpoint endpoint, string id, long timestamp, string body, DateTime now) =>
        string.Join(' ', endpoint.SigningPrevious(now).Select(p => p.Secret).Prepend(endpoint.Secret).Select(s => Sign(s, id, timestamp, body)));
}
