// The C# sample of docs/webhooks.md, word for word (WebhookSignatureTests checks that they match).
using System.Security.Cryptography;
using System.Text;

public static class DocsVerifier
{
    static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// True when webhook-signature holds a signature made with your secret over exactly this body, sent recently.
    /// Pass the raw body as received, before any JSON parsing.
    public static bool Verify(string secret, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset now)
    {
        var id = headers["webhook-id"];
        var timestamp = headers["webhook-timestamp"];
        if (!long.TryParse(timestamp, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance) return false; // a replay
        var key = Convert.FromBase64String(secret.StartsWith("whsec_") ? secret["whsec_".Length..] : secret);
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        foreach (var signature in headers["webhook-signature"].Split(' '))
        {
            var parts = signature.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1"
                && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[1]))) return true;
        }
        return false;
    }
}
