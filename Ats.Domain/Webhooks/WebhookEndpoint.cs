namespace Ats.Domain.Webhooks;

/// Where an admin wants a tenant's changes delivered, signed per the Standard Webhooks specification.
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    /// Event types such as "application.updated", or "*" for all.
    public List<string> Events { get; set; } = [];
    public bool Active { get; set; } = true;
    /// "whsec_…": needed in clear to sign, so it is shown once and otherwise never leaves the server.
    public string Secret { get; set; } = "";
    /// Secrets replaced by a rotation: each still signs next to the current one until 24 hours after it was replaced.
    public List<RetiredSecret> PreviousSecrets { get; set; } = [];
    /// When deliveries started failing without a success since; failures for 5 days disable the endpoint.
    public DateTime? FailingSince { get; set; }
    public DateTime? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public bool Wants(string eventType) => Events.Contains("*") || Events.Contains(eventType);

    /// The replaced secrets that still sign at <paramref name="now"/>, newest first.
    public IEnumerable<RetiredSecret> SigningPrevious(DateTime now) =>
        PreviousSecrets.Where(p => p.ExpiresAt > now).OrderByDescending(p => p.ExpiresAt);
}

/// A replaced secret and when it stops signing.
public sealed record RetiredSecret(string Secret, DateTime ExpiresAt);
