using System.Text.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Audit;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Events;
using Ats.Domain.Models;
using Ats.Domain.Scorecards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ats.Domain.Webhooks;

/// Writes one delivery per interested endpoint for each change, inside the change's own transaction: when the process
/// dies after the commit, the delivery is still there for the worker. A scorecard draft never leaves: webhooks hear of a
/// scorecard once it is submitted (as evaluation.created then, since they never saw the draft).
public static class WebhookOutbox
{
    /// Called before the save: the scorecards this write submits for the first time.
    public static HashSet<Guid> FirstSubmissions(ChangeTracker tracker) =>
        [.. tracker.Entries<Scorecard>().Where(e => e.State == EntityState.Modified && e.Entity.SubmittedAt is not null
            && e.Property(x => x.SubmittedAt).OriginalValue is null).Select(e => e.Entity.Id)];

    public static string EventType(string model, AuditAction action) => model + "." + action switch
    {
        AuditAction.Create => "created",
        AuditAction.Update => "updated",
        _ => "deleted",
    };

    /// After the change log entries got their ids (the payload names the same event_id as the WebSocket event).
    public static async Task<bool> EnqueueAsync(AtsDbContext db, Guid tenantId, IReadOnlyList<(TenantEntity Row, ChangeLogEntry Entry)> changes,
        IReadOnlySet<Guid> firstSubmissions, DateTime now, CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.TenantId == tenantId && e.Active).ToListAsync(ct);
        if (endpoints.Count == 0) return false;
        var any = false;
        foreach (var (row, entry) in changes)
        {
            if (row is Scorecard { SubmittedAt: null }) continue; // a draft is its author's alone
            var action = firstSubmissions.Contains(row.Id) ? AuditAction.Create : entry.Action;
            var type = EventType(entry.Model, action);
            var interested = endpoints.Where(e => e.Wants(type)).ToList();
            if (interested.Count == 0) continue;
            var payload = Payload(type, action, entry, row);
            foreach (var endpoint in interested)
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    TenantId = tenantId,
                    EndpointId = endpoint.Id,
                    EventId = entry.Id,
                    EventType = type,
                    Payload = payload,
                    Status = DeliveryStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                any = true;
            }
        }
        return any;
    }

    /// {"type":"application.updated","timestamp":…,"event_id":"…","changed_fields":[…],"data":{…}}; changed_fields on
    /// updates only, as on the WebSocket. A deleted row's data is its id only: a copy of erased personal data must not
    /// wait in the outbox.
    private static string Payload(string type, AuditAction action, ChangeLogEntry entry, TenantEntity row)
    {
        var model = ModelCatalog.For(row.GetType());
        var body = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["event_id"] = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (action == AuditAction.Update) body["changed_fields"] = new JsonArray([.. entry.ChangedFields.Select(f => (JsonNode)f)]);
        body["data"] = action == AuditAction.Delete ? new JsonObject { ["id"] = row.Id } : model.ToWire(row);
        return body.ToJsonString(ModelDescriptor.WireJson);
    }
}
