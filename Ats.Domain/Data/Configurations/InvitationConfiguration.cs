using Ats.Domain.Identity;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.NormalizedEmail).HasMaxLength(254);
        b.Property(i => i.DisplayName).HasMaxLength(200);
        b.Property(i => i.Role).HasMaxLength(40);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique(); // the accept page looks across organisations
        b.HasIndex(i => new { i.TenantId, i.NormalizedEmail });
    }
}
