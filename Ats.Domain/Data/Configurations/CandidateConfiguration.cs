using Ats.Domain.Candidates;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.FirstName).HasFieldLength();
        b.Property(c => c.LastName).HasFieldLength();
        b.Property(c => c.Email).HasFieldLength();
        b.Property(c => c.EmailNormalized).HasMaxLength(254);
        b.Property(c => c.SearchText).HasMaxLength(1000);
        b.Property(c => c.SortName).HasMaxLength(210);
        b.Property(c => c.Address).HasFieldLength();
        b.Property(c => c.ZipCode).HasFieldLength();
        b.Property(c => c.Language).HasFieldLength();
        b.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.TenantId, c.EmailNormalized }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.SortName });
        b.HasIndex(c => new { c.TenantId, c.ExternalId });
    }
}
