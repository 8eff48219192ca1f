using System.Text.Json;
using Ats.Domain.Events;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class ChangeLogConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> b)
    {
        b.ToTable("ChangeLog");
        b.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
        // AUTOINCREMENT: an id is never reused, even after old entries are pruned, so "since" stays unambiguous.
        b.Property(e => e.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        b.Property(e => e.Model).HasMaxLength(32);
        b.Property(e => e.Channel).HasMaxLength(16);
        AsJson(b.Property(e => e.Keys));
        AsJson(b.Property(e => e.OldKeys));
        b.HasIndex(e => e.At);
        // A resuming subscription reads its tenant's and model's events after its cursor.
        b.HasIndex(e => new { e.TenantId, e.Model, e.Id });
    }

    private static void AsJson(PropertyBuilder<Dictionary<string, string>?> property) => property.HasConversion(
        keys => keys == null ? null : JsonSerializer.Serialize(keys, (JsonSerializerOptions?)null),
        json => json == null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null));
}
