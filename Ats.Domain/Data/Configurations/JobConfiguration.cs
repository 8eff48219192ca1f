using Ats.Domain.Jobs;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(j => j.Title).HasFieldLength();
        b.Property(j => j.Slug).HasFieldLength();
        b.Property(j => j.FitProfile).HasConversion(JsonValue<FitProfile>.Converter, JsonValue<FitProfile>.Comparer);
        b.HasIndex(j => new { j.TenantId, j.Slug }).IsUnique();
        b.HasIndex(j => new { j.TenantId, j.Status, j.CreatedAt });
        b.HasIndex(j => new { j.TenantId, j.ExternalId });
    }
}
