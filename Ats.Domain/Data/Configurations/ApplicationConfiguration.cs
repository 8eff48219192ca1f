using Ats.Domain.Pipeline;
using Ats.Domain.Sources;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Candidate).WithMany(c => c.Applications).HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Job).WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Source>().WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.SetNull);
        // Ranks compare ordinally: SQLite compares text as BINARY by default (PostgreSQL will need COLLATE "C").
        b.Property(a => a.KanbanPosition).HasFieldLength();
        b.HasIndex(a => new { a.TenantId, a.JobId, a.Stage, a.KanbanPosition });
        b.HasIndex(a => new { a.TenantId, a.Stage, a.KanbanPosition });
        // "This job's applications in this stage, newest first": the integrators' most common list.
        b.HasIndex(a => new { a.TenantId, a.JobId, a.Stage, a.CreatedAt, a.Id });
        b.HasIndex(a => new { a.TenantId, a.CandidateId, a.JobId }).IsUnique();
    }
}
