using Ats.Domain.Mail;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(t => t.Name).HasFieldLength();
        b.Property(t => t.Subject).HasFieldLength();
        b.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
        b.HasIndex(t => new { t.TenantId, t.Stage });
    }
}
