using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(o => o.Currency).HasFieldLength();
        b.Property(o => o.GrossSalary).HasPrecision(12, 2);
        b.Property(o => o.Bonus).HasPrecision(12, 2);
        b.HasIndex(o => new { o.TenantId, o.ApplicationId });
    }
}
