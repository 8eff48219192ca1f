using System.Net;
using System.Text;
using Ats.Domain.Data;
using Ats.Domain.Events;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ats.Domain.Webhooks;

/// Sends due webhook deliveries, signed, and records each attempt: retries on the Standard Webhooks schedule, disables
/// endpoints that answer 410 Gone or fail for 5 days, and prunes old deliveries. The worker calls it; tests drive it.
public sealed class WebhookDispatcher(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock, WebhookSettings settings,
    ILogger<WebhookDispatcher> logger) : IDisposable
{
    /// Pauses after the 1st, 2nd … failed attempt (the first attempt is immediate); after the 10th attempt it is failed.
    public static readonly IReadOnlyList<TimeSpan> Schedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ];
    /// Each pause is stretched or shrunk by up to this much at random, so failed receivers are not hit by a wave on recovery.
    public const double Jitter = 0.2;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    /// A claimed delivery whose attempt never finished (the process died) goes again after this: at least once.
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(5);
    public static readonly TimeSpan KeepDeliveries = TimeSpan.FromDays(30);
    /// The body is a copy of personal data: kept a week after the last attempt for "redeliver", then cleared.
    public static readonly TimeSpan KeepPayloads = TimeSpan.FromDays(7);
    public const int MaxResponseChars = 1000;
    public const string UserAgent = "Ats-Webhooks/1";
    public const string Gone = "gone";
    public const string Failing = "failing";
    private const int Parallelism = 8;
    private const int Batch = 64;

    private readonly HttpClient _http = new(WebhookTargets.Handler(settings.AllowPrivateTargets)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    private sealed record Due(Guid Id, DateTime NextAttemptAt, WebhookEndpoint Endpoint);

    /// One pass: every delivery due now, up to 8 at a time. Returns how many attempts were made.
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        List<Due> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Across organisations: the outbox is the server's own work. Inactive endpoints' deliveries wait.
            due = (await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                    .OrderBy(d => d.NextAttemptAt)
                    .Join(db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.Active), d => d.EndpointId, e => e.Id, (d, e) => new { d.Id, d.NextAttemptAt, Endpoint = e })
                    .Take(Batch).AsNoTracking().ToListAsync(ct))
                .Select(d => new Due(d.Id, d.NextAttemptAt, d.Endpoint)).ToList();
        }
        var attempts = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (item, token) =>
        {
            if (await ClaimAsync(item, token) is not { } delivery) return;
            await AttemptAsync(delivery, item.Endpoint, token);
            Interlocked.Increment(ref attempts);
        });
        return attempts;
    }

    /// Takes the delivery for this attempt by moving its due time past the lease, only if nobody else moved it first:
    /// two workers (or two passes) never send the same attempt.
    private async Task<WebhookDelivery?> ClaimAsync(Due item, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leased = Now + Lease;
        var claimed = await db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.Id == item.Id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt == item.NextAttemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, leased), ct);
        return claimed == 0 ? null : await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking().FirstAsync(d => d.Id == item.Id, ct);
    }

    private sealed record Outcome(int? Status, string Response, TimeSpan? RetryAfter, int DurationMs)
    {
        public bool Succeeded => Status is >= 200 and < 300;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken ct)
    {
        var outcome = await SendAsync(delivery, endpoint, ct);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.TenantId = delivery.TenantId;
        db.SystemWrite("webhook worker: a delivery attempt"); // an attempt is the delivery's own history, not an audited change
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.WebhookDeliveries.FirstAsync(d => d.Id == delivery.Id, ct);
        row.Attempts++;
        (row.LastAttemptAt, row.LastStatusCode, row.LastDurationMs, row.LastResponse) = (now, outcome.Status, outcome.DurationMs, outcome.Response);
        string? disable = null;
        if (outcome.Succeeded)
        {
            (row.Status, row.DeliveredAt) = (DeliveryStatus.Delivered, now);
            await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.FailingSince != null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTime?)null), ct);
        }
        else
        {
            if (outcome.Status == (int)HttpStatusCode.Gone) (row.Status, disable) = (DeliveryStatus.Failed, Gone);
            else if (row.Attempts > Schedule.Count) row.Status = DeliveryStatus.Failed;
            else row.NextAttemptAt = now + Pause(row.Attempts, outcome.RetryAfter);
            await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.FailingSince == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now), ct);
            var failingFor = now - DisableAfter;
            if (disable is null && await db.WebhookEndpoints.AnyAsync(e => e.Id == endpoint.Id && e.FailingSince <= failingFor, ct)) disable = Failing;
        }
        await db.SaveChangesAsync(ct);
        if (disable is not null) await DisableAsync(db, endpoint, disable, now, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Webhook delivery {DeliveryId} to endpoint {EndpointId}: attempt {Attempt}, status {Status}",
            delivery.Id, endpoint.Id, row.Attempts, outcome.Status?.ToString() ?? "none");
    }

    private async Task DisableAsync(AtsDbContext db, WebhookEndpoint endpoint, string reason, DateTime now, CancellationToken ct)
    {
        // Inside the attempt's transaction, which holds SQLite's write lock: nobody changes the endpoint in between.
        if (await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpoint.Id && e.Active, ct) is not { } row) return;
        (row.Active, row.DisabledAt, row.DisabledReason) = (false, now, reason);
        db.ActAs(Actor.System(endpoint.TenantId)); // the worker's verdict is audited as the system's
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Webhook endpoint {EndpointId} disabled: {Reason}", endpoint.Id, reason);
    }

    /// The schedule's pause with jitter, or longer when the receiver asked for it with Retry-After (at most a day).
    public static TimeSpan Pause(int failedAttempts, TimeSpan? retryAfter)
    {
        var pause = Schedule[failedAttempts - 1] * (1 + Jitter * (2 * Random.Shared.NextDouble() - 1));
        return retryAfter is { } asked && asked > pause ? (asked > MaxRetryAfter ? MaxRetryAfter : asked) : pause;
    }

    private async Task<Outcome> SendAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken ct)
    {
        var id = delivery.Id.ToString();
        var now = clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(endpoint, id, timestamp, delivery.Payload, now.UtcDateTime));
        request.Headers.UserAgent.ParseAdd(UserAgent);
        var started = clock.GetTimestamp();
        int Elapsed() => (int)clock.GetElapsedTime(started).TotalMilliseconds;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - now,
                _ => (TimeSpan?)null,
            };
            return new Outcome((int)response.StatusCode, await SnippetAsync(response, timeout.Token), retryAfter, Elapsed());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(null, $"No answer within {Timeout.TotalSeconds:0} s.", null, Elapsed());
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(null, Truncate(ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message), null, Elapsed());
        }
    }

    /// The start of the body (headers are not kept: they may carry the receiver's own secrets).
    private static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxResponseChars * 4];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
            return Truncate(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private static string Truncate(string text) => text.Length > MaxResponseChars ? text[..MaxResponseChars] : text;

    /// Deliveries go after 30 days (a finished one, or one still waiting for an inactive endpoint), bodies of finished
    /// ones after 7; the change log keeps its 48 hours.
    public async Task PruneAsync(CancellationToken ct = default)
    {
        var now = Now;
        var (deliveryCutoff, payloadCutoff) = (now - KeepDeliveries, now - KeepPayloads);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deliveries = db.WebhookDeliveries.IgnoreQueryFilters();
        await deliveries.Where(d => d.CreatedAt < deliveryCutoff
                && (d.Status != DeliveryStatus.Pending || !db.WebhookEndpoints.IgnoreQueryFilters().Any(e => e.Id == d.EndpointId && e.Active)))
            .ExecuteDeleteAsync(ct);
        await deliveries.Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < payloadCutoff && d.Payload != "")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Payload, ""), ct);
        await ForgetExpiredSecretsAsync(db, now, ct);
        await ChangeLog.PruneAsync(db, now, ct);
    }

    /// Replaced secrets past their 24 hours are no longer needed in clear. An endpoint an admin changed meanwhile waits
    /// for the next pass. (Endpoints are few, and their secrets a JSON list: read them all.)
    private static async Task ForgetExpiredSecretsAsync(AtsDbContext db, DateTime now, CancellationToken ct)
    {
        foreach (var endpoint in await db.WebhookEndpoints.IgnoreQueryFilters().ToListAsync(ct))
            if (endpoint.PreviousSecrets.Any(p => p.ExpiresAt <= now)) endpoint.PreviousSecrets = [.. endpoint.SigningPrevious(now)];
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Dispose() => _http.Dispose();
}
