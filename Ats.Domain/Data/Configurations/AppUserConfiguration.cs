using Ats.Domain.Identity;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.MailSignature).HasMaxLength(UserAdministration.MailSignatureLength);
        b.Property(u => u.PreferredCulture).HasMaxLength(16);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => new { u.TenantId, u.DisplayName });
        b.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
