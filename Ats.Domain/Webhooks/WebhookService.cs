using Ats.Domain.Data;
using Ats.Domain.Models;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Webhooks;

public sealed record WebhookView(Guid Id, string Url, string Description, IReadOnlyList<string> Events, bool Active,
    DateTime? FailingSince, DateTime? DisabledAt, string? DisabledReason, DateTime? PreviousSecretExpiresAt,
    DateTime CreatedAt, DateTime UpdatedAt, DeliveryStatus? LastDeliveryStatus, DateTime? LastDeliveryAt);

/// The secret is in <see cref="Secret"/> and nowhere else: shown once, on creation and on rotation.
public sealed record WebhookWithSecret(WebhookView Webhook, string Secret);

/// What an update changes; null leaves a value as it is.
public sealed record WebhookChange(string? Url = null, IReadOnlyCollection<string>? Events = null, string? Description = null, bool? Active = null);

public sealed record DeliveryView(Guid Id, Guid EndpointId, long EventId, string EventType, DeliveryStatus Status, int Attempts,
    DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? LastAttemptAt, int? LastStatusCode, int? LastDurationMs,
    string? LastResponse, DateTime? DeliveredAt);

/// Webhook endpoints of an organisation: admins only, every change audited (model "webhook", never the secret).
public sealed class WebhookService(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock, WebhookSettings settings, WebhookWake wake)
{
    public const string Model = "webhook";
    public const string DeliveryModel = "webhook_delivery";
    public const string ReadScope = "webhook:read";
    public const string WriteScope = "webhook:write";
    public const string All = "*";
    public const int MaxDescription = 500;
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);
    /// Replaced secrets that may sign at once: bounds the signature header when someone rotates in a loop
    /// (beyond it the oldest replaced secret stops signing early; rotating is never refused).
    public const int MaxPreviousSecrets = 9;

    /// "candidate.created", … for every public model, in catalog order.
    public static readonly IReadOnlyList<string> EventTypes = ModelCatalog.All
        .SelectMany(m => new[] { "created", "updated", "deleted" }.Select(a => $"{m.Name}.{a}")).ToList();

    public async Task<WebhookWithSecret> CreateAsync(Actor actor, string? url, IReadOnlyCollection<string>? events, string? description,
        CancellationToken ct = default)
    {
        Require(actor, WriteScope);
        var now = Now;
        var row = new WebhookEndpoint { TenantId = actor.TenantId, Secret = WebhookSignature.NewSecret(), CreatedBy = actor.UserId, CreatedAt = now, UpdatedAt = now };
        RequireReadScopes(actor, events);
        await ApplyAsync(row, new WebhookChange(url ?? "", events ?? [], description ?? "", true), ct);
        await using var db = await OpenAsync(actor, ct);
        db.WebhookEndpoints.Add(row);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(View(row, null), row.Secret);
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor, ReadScope);
        await using var db = await OpenAsync(actor, ct);
        var rows = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt)
            .Select(e => new { Endpoint = e, Last = db.WebhookDeliveries.Where(d => d.EndpointId == e.Id).OrderByDescending(d => d.CreatedAt).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => View(r.Endpoint, r.Last)).ToList();
    }

    public async Task<WebhookView> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        (await ListAsync(actor, ct)).FirstOrDefault(w => w.Id == id) ?? throw new NotFoundException(Model, id);

    /// Endpoints switched off by the worker (410 Gone, or days of failures) that an admin has not looked at again.
    public async Task<int> DisabledCountAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return 0;
        await using var db = await OpenAsync(actor, ct);
        return await db.WebhookEndpoints.CountAsync(e => e.DisabledAt != null, ct);
    }

    /// Turning an endpoint on again clears the worker's verdict: what waited for it is sent now.
    public async Task<WebhookView> UpdateAsync(Actor actor, Guid id, WebhookChange change, CancellationToken ct = default)
    {
        Require(actor, WriteScope);
        await using var db = await OpenAsync(actor, ct);
        var row = await FindAsync(db, id, ct);
        var before = (row.Url, Events: string.Join(",", row.Events), row.Description, row.Active);
        // Whoever points an endpoint elsewhere receives what it carries: its events before and after, and what still waits.
        if (change.Url is { } url && url.Trim() != row.Url)
            RequireReadScopes(actor, [.. row.Events, .. change.Events ?? [], .. await PendingTypesAsync(db, id, ct)]);
        else RequireReadScopes(actor, change.Events);
        await ApplyAsync(row, change, ct);
        var changed = new List<string>();
        if (row.Url != before.Url) changed.Add("url");
        if (string.Join(",", row.Events) != before.Events) changed.Add("events");
        if (row.Description != before.Description) changed.Add("description");
        if (row.Active != before.Active) changed.Add("active");
        if (row.Active && row.DisabledAt is not null) changed.Add("disabled_at");
        if (changed.Count > 0)
        {
            if (row.Active) (row.DisabledAt, row.DisabledReason, row.FailingSince) = (null, null, null);
            await SaveAsync(db, row, ct);
            if (row.Active) await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, Now), ct);
            wake.Nudge();
        }
        return View(row, await LastDeliveryAsync(db, id, ct));
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Require(actor, WriteScope);
        await using var db = await OpenAsync(actor, ct);
        var row = await FindAsync(db, id, ct);
        db.WebhookEndpoints.Remove(row); // its deliveries go with it (cascade)
        await db.SaveChangesAsync(ct);
    }

    /// A new secret; each replaced one keeps signing next to it for 24 hours, so receivers can switch without losing a delivery.
    /// Of the replaced secrets only the newest <see cref="MaxPreviousSecrets"/> are kept: a 10th rotation within a day drops the oldest.
    public async Task<WebhookWithSecret> RotateSecretAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Require(actor, WriteScope);
        await using var db = await OpenAsync(actor, ct);
        var row = await FindAsync(db, id, ct);
        var signing = row.SigningPrevious(Now).ToList();
        row.PreviousSecrets = [new RetiredSecret(row.Secret, Now + RotationOverlap), .. signing.Take(MaxPreviousSecrets - 1)];
        row.Secret = WebhookSignature.NewSecret();
        await SaveAsync(db, row, ct);
        return new WebhookWithSecret(View(row, await LastDeliveryAsync(db, id, ct)), row.Secret);
    }

    /// Newest first.
    public async Task<(IReadOnlyList<DeliveryView> Deliveries, bool HasMore)> DeliveriesAsync(Actor actor, Guid id, int limit = 50, int offset = 0,
        CancellationToken ct = default)
    {
        Require(actor, ReadScope);
        await using var db = await OpenAsync(actor, ct);
        await FindAsync(db, id, ct);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.EventId).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return (rows.Take(limit).Select(View).ToList(), rows.Count > limit);
    }

    /// Sends the same body under the same webhook-id again, with a fresh series of attempts.
    public async Task<DeliveryView> RedeliverAsync(Actor actor, Guid endpointId, Guid deliveryId, CancellationToken ct = default)
    {
        Require(actor, WriteScope);
        await using var db = await OpenAsync(actor, ct);
        var endpoint = await FindAsync(db, endpointId, ct);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct)
            ?? throw new NotFoundException(DeliveryModel, deliveryId);
        RequireReadScopes(actor, [.. endpoint.Events, delivery.EventType]);
        if (!endpoint.Active) throw ValidationException.For("active", Messages.WebhookInactive);
        if (delivery.Payload.Length == 0) throw ValidationException.For("payload", Messages.WebhookPayloadPruned);
        (delivery.Status, delivery.Attempts, delivery.NextAttemptAt) = (DeliveryStatus.Pending, 0, Now);
        await db.SaveChangesAsync(ct);
        wake.Nudge();
        return View(delivery);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void Require(Actor actor, string scope)
    {
        if (!actor.IsAdmin) throw ForbiddenException.AdminOnly();
        if (actor.Scopes is { } scopes && !scopes.Contains(scope)) throw ForbiddenException.MissingScope(scope);
    }

    /// A webhook sends the rows it names: a token may only ask for the models it may read ("*" needs them all). The
    /// refusal names every missing scope.
    private static void RequireReadScopes(Actor actor, IReadOnlyCollection<string>? events)
    {
        if (actor.Scopes is not { } scopes || events is null) return;
        var models = events.Any(e => e.Trim() == All) ? ModelCatalog.All
            : ModelCatalog.All.Where(m => events.Any(e => e.Trim().StartsWith(m.Name + ".", StringComparison.Ordinal)));
        var missing = models.Select(m => m.ReadScope).Where(s => !scopes.Contains(s)).ToList();
        if (missing.Count > 0) throw new ForbiddenException("missing_scope", Messages.WebhookMissingScopes(string.Join(", ", missing)));
    }

    /// The event types of deliveries still waiting for the endpoint: they go wherever its URL points when they are sent.
    private static async Task<List<string>> PendingTypesAsync(AtsDbContext db, Guid id, CancellationToken ct) =>
        await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == DeliveryStatus.Pending).Select(d => d.EventType).Distinct().ToListAsync(ct);

    private static Task<WebhookDelivery?> LastDeliveryAsync(AtsDbContext db, Guid id, CancellationToken ct) =>
        db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id).OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);

    private Task<AtsDbContext> OpenAsync(Actor actor, CancellationToken ct) => dbFactory.OpenAsync(actor, ct);

    private static async Task<WebhookEndpoint> FindAsync(AtsDbContext db, Guid id, CancellationToken ct) =>
        await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(Model, id);

    /// The journal bumps the version and audits the changed fields.
    private static async Task SaveAsync(AtsDbContext db, WebhookEndpoint row, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException(Model, row.Id, row.Version);
        }
    }

    /// Validates and sets what the change names; all field errors at once.
    private async Task ApplyAsync(WebhookEndpoint row, WebhookChange change, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (change.Url is { } url)
        {
            url = url.Trim();
            if (url.Length == 0) errors.Add("url", Messages.Required);
            else if (FieldValidation.HasControlCharacters(url, multiLine: false)) errors.Add("url", Messages.ControlCharacters);
            else if (await WebhookTargets.ProblemAsync(url, settings.AllowPrivateTargets, ct) is { } problem) errors.Add("url", problem);
            else row.Url = url;
        }
        if (change.Events is { } events)
        {
            var types = events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
            var unknown = types.Where(t => t != All && !EventTypes.Contains(t)).ToList();
            if (types.Count == 0) errors.Add("events", Messages.Required);
            else if (unknown.Count > 0) errors.Add("events", Messages.UnknownEventTypes(string.Join(", ", unknown)));
            else row.Events = types.Contains(All) ? [All] : [.. types.Order(StringComparer.Ordinal)];
        }
        if (change.Description is { } description)
        {
            description = description.Trim();
            if (FieldValidation.HasControlCharacters(description, multiLine: false)) errors.Add("description", Messages.ControlCharacters);
            else if (description.Length > MaxDescription) errors.Add("description", Messages.TooLong(MaxDescription));
            else row.Description = description;
        }
        if (change.Active is { } active) row.Active = active;
        errors.ThrowIfAny();
    }

    private static WebhookView View(WebhookEndpoint e, WebhookDelivery? last) =>
        new(e.Id, e.Url, e.Description, e.Events, e.Active, e.FailingSince, e.DisabledAt, e.DisabledReason,
            e.PreviousSecrets.Count > 0 ? e.PreviousSecrets.Max(p => p.ExpiresAt) : null,
            e.CreatedAt, e.UpdatedAt, last?.Status, last?.LastAttemptAt ?? last?.CreatedAt);

    private static DeliveryView View(WebhookDelivery d) =>
        new(d.Id, d.EndpointId, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt,
            d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastAttemptAt, d.LastStatusCode, d.LastDurationMs, d.LastResponse, d.DeliveredAt);
}
