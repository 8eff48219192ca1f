namespace Ats.Domain.Webhooks;

public enum DeliveryStatus { Pending, Delivered, Failed }

/// One event for one endpoint: written in the same transaction as the change (the outbox), sent by the webhook worker.
/// The body is fixed at that moment, so every attempt sends (and signs) the same bytes; <see cref="Id"/> is the webhook-id.
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid EndpointId { get; set; }
    public long EventId { get; set; }
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public int? LastDurationMs { get; set; }
    /// The first characters of the receiver's answer, or why there was none (timeout, refused address).
    public string? LastResponse { get; set; }
    public DateTime? DeliveredAt { get; set; }
}
