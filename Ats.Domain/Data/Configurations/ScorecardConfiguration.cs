using Ats.Domain.Interviews;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        // Called an evaluation before users' word for it became the class name; the table and the wire keep the old name.
        b.ToTable("Evaluations");
        b.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Interview>().WithMany().HasForeignKey(e => e.InterviewId).OnDelete(DeleteBehavior.SetNull);
        // One scorecard per interviewer and application.
        b.HasIndex(e => new { e.TenantId, e.ApplicationId, e.InterviewerId }).IsUnique();
        // The history travels with the row (same readers, same erasure): one JSON column, empty for rows from before it.
        b.Property(e => e.Amendments).HasConversion(JsonValue<List<ScorecardAmendment>>.Converter, JsonValue<List<ScorecardAmendment>>.Comparer)
            .HasDefaultValueSql("'[]'");
        b.Ignore(e => e.AmendmentReason);
    }
}
