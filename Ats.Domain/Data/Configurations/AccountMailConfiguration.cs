using Ats.Domain.Identity;
using Ats.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class AccountMailConfiguration : IEntityTypeConfiguration<AccountMail>
{
    public void Configure(EntityTypeBuilder<AccountMail> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.Kind).HasMaxLength(30);
        b.HasIndex(m => new { m.UserId, m.Kind, m.CreatedAt }); // at most one notice a day per owner
        b.HasIndex(m => new { m.Status, m.NextAttemptAt }); // the outbox looks across organisations
    }
}
