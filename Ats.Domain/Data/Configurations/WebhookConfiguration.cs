using System.Text.Json;
using Ats.Domain.Tenancy;
using Ats.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.Description).HasMaxLength(500);
        b.Property(e => e.Secret).HasMaxLength(100);
        // A short JSON list, always read and written whole.
        b.Property(e => e.PreviousSecrets).HasConversion(
            list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<List<RetiredSecret>>(json, (JsonSerializerOptions?)null) ?? new List<RetiredSecret>(),
            new ValueComparer<List<RetiredSecret>>((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToList()));
        b.Property(e => e.DisabledReason).HasMaxLength(500);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.TenantId, e.Active });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        // The delivery log goes with its endpoint.
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.EventType).HasMaxLength(64);
        b.Property(d => d.LastResponse).HasMaxLength(1000);
        // The worker's question: what is due now?
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}
