using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Ats.Domain.Tokens;

/// pat_ + 32 random base62 characters + a 6-character base62 CRC32 of them. The prefix makes a leaked token
/// recognisable (secret scanners), the checksum catches typos before any database lookup.
public static class PatFormat
{
    public const string Prefix = "pat_";
    internal const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 32, ChecksumLength = 6, PrefixShown = 8;
    public const int Length = 4 + RandomLength + ChecksumLength;

    public static string NewToken()
    {
        var body = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return Prefix + body + Checksum(body);
    }

    /// Shape and checksum only; says nothing about whether the token exists.
    public static bool IsWellFormed(string token) =>
        token.Length == Length && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0
        && Checksum(token.Substring(Prefix.Length, RandomLength)) == token[^ChecksumLength..];

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static string Shown(string token) => token[..(Prefix.Length + PrefixShown)];

    private static string Checksum(string body)
    {
        var value = (ulong)Crc32.HashToUInt32(Encoding.ASCII.GetBytes(body));
        var digits = new char[ChecksumLength];
        for (var i = ChecksumLength - 1; i >= 0; i--) { digits[i] = Alphabet[(int)(value % 62)]; value /= 62; }
        return new string(digits);
    }
}
