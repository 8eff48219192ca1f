using System.Collections.Concurrent;
using Ats.Domain.Writes;

namespace Ats.Domain.Tokens;

/// Recently verified access tokens, so a burst of API calls does not look up the same token and user on every request.
/// An entry is trusted only as long as <see cref="ActorCheck"/> trusts a verified actor; revoking a token, or changing
/// its creator's role or active state, removes the entries at once (other instances of the app catch up within that time).
public sealed class TokenCache(TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record Entry(Guid TokenId, Actor Actor, DateTime? ExpiresAt, string? Ip);

    /// The actor for a token hash verified moments ago from the same address, or null to verify it again.
    public Actor? Find(string hash, string? ip)
    {
        if (!_entries.TryGetValue(hash, out var entry)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = entry.Actor.VerifiedAt > now - ActorCheck.Fresh && (entry.ExpiresAt is null || entry.ExpiresAt > now);
        return fresh && entry.Ip == ip ? entry.Actor : null;
    }

    /// Read before looking a token up: a revocation committed during the lookup changes it.
    public long Generation => Interlocked.Read(ref _generation);

    /// Remembers a verified token, unless something was forgotten since <paramref name="generation"/> (the lookup
    /// may have read the token just before its revocation committed).
    public void Remember(string hash, Guid tokenId, Actor actor, DateTime? expiresAt, string? ip, long generation)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear(); // only live tokens get here, so this is a safety net, not a policy
        _entries[hash] = new Entry(tokenId, actor, expiresAt, ip);
        if (Generation != generation) _entries.TryRemove(hash, out _);
    }

    public void ForgetToken(Guid tokenId) => Forget(e => e.TokenId == tokenId);

    public void ForgetUser(Guid userId) => Forget(e => e.Actor.UserId == userId);

    private void Forget(Func<Entry, bool> match)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (hash, entry) in _entries)
            if (match(entry)) _entries.TryRemove(hash, out _);
    }
}
