using Ats.Domain.Audit;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.Channel).HasMaxLength(16);
        b.Property(a => a.Model).HasMaxLength(32);
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasIndex(a => new { a.TenantId, a.Model, a.RecordId });
        b.HasIndex(a => new { a.TenantId, a.ActorId, a.At });
    }
}
