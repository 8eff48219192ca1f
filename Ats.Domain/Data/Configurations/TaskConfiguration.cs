using Ats.Domain.Tasks;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> b)
    {
        b.ToTable("Tasks");
        b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(t => t.Title).HasFieldLength();
        b.HasIndex(t => new { t.TenantId, t.AssignedTo, t.Completed, t.DueAt });
        b.HasIndex(t => new { t.TenantId, t.ParentKind, t.ParentId });
    }
}
