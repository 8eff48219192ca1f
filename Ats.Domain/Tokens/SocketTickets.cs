using System.Security.Cryptography;
using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Tokens;

/// Why a socket ticket was refused; the stable codes of the handshake's 401.
public enum TicketRefusal { Malformed, Unknown, Used, Expired }

/// Socket tickets: made from a verified token (POST /xapi2/ch/ticket), spent once when a socket is accepted (a handshake
/// refused for another reason leaves it unspent). Kept in the database, so any node can redeem a ticket another node made.
public sealed class SocketTickets(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public const string Prefix = "tkt_";
    private const int RandomLength = 32;
    /// Spent and expired tickets are kept a little while, so a second try says "used" or "expired", not "unknown".
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromMinutes(5);

    /// <paramref name="rateKey"/>: the rate-limit partition of the token that asks, which the socket will count under.
    public async Task<(string Ticket, DateTime ExpiresAt)> IssueAsync(BearerCredential credential, string? rateKey, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = Prefix + RandomNumberGenerator.GetString(PatFormat.Alphabet, RandomLength);
        var row = new SocketTicket { Hash = PatFormat.Hash(ticket), CreatedAt = now, ExpiresAt = now + Lifetime, RateKey = rateKey };
        switch (credential)
        {
            case BearerCredential.Pat pat: row.PatHash = pat.Hash; break;
            case BearerCredential.Jwt jwt: (row.UserId, row.TenantId, row.JwtExpiresAt) = (jwt.UserId, jwt.TenantId, jwt.ExpiresAt); break;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = now - KeptAfterExpiry;
        await db.SocketTickets.Where(t => t.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        db.SocketTickets.Add(row);
        await db.SaveChangesAsync(ct);
        return (ticket, row.ExpiresAt);
    }

    /// What a ticket stands for, or why it is refused, without spending it: the handshake checks it first and spends it
    /// (<see cref="RedeemAsync"/>) only once the socket is accepted.
    public async Task<(SocketTicket? Ticket, TicketRefusal? Refusal)> CheckAsync(string ticket, CancellationToken ct = default)
    {
        if (!IsWellFormed(ticket)) return (null, TicketRefusal.Malformed);
        var hash = PatFormat.Hash(ticket);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.SocketTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, ct);
        return row switch
        {
            null => (null, TicketRefusal.Unknown),
            { UsedAt: not null } => (null, TicketRefusal.Used),
            _ when row.ExpiresAt <= clock.GetUtcNow().UtcDateTime => (null, TicketRefusal.Expired),
            _ => (row, null),
        };
    }

    /// The credential a ticket row stands for.
    public static BearerCredential CredentialOf(SocketTicket row) => row.PatHash is { } patHash
        ? new BearerCredential.Pat(patHash)
        : new BearerCredential.Jwt(row.UserId!.Value, row.TenantId!.Value, row.JwtExpiresAt!.Value);

    private static bool IsWellFormed(string ticket) =>
        ticket.Length == Prefix.Length + RandomLength && ticket.StartsWith(Prefix, StringComparison.Ordinal)
        && ticket.AsSpan(Prefix.Length).IndexOfAnyExcept(PatFormat.Alphabet) < 0;

    /// Spends a ticket: the credential it stands for, or why not. Of two redemptions at once, one wins (one conditional
    /// UPDATE), on any number of nodes.
    public async Task<(SocketTicket? Ticket, TicketRefusal? Refusal)> RedeemAsync(string ticket, CancellationToken ct = default)
    {
        if (!IsWellFormed(ticket)) return (null, TicketRefusal.Malformed);
        var hash = PatFormat.Hash(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var spent = await db.SocketTickets.Where(t => t.Hash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var row = await db.SocketTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, ct);
        if (row is null) return (null, TicketRefusal.Unknown);
        if (spent == 0) return (null, row.UsedAt is not null ? TicketRefusal.Used : TicketRefusal.Expired);
        return (row, null);
    }
}
