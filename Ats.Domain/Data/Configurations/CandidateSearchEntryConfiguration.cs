using Ats.Domain.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

/// The FTS5 virtual table is created by hand-written SQL in its migration, so EF only reads it.
internal sealed class CandidateSearchEntryConfiguration : IEntityTypeConfiguration<CandidateSearchEntry>
{
    public const string Table = "CandidateSearch";

    public void Configure(EntityTypeBuilder<CandidateSearchEntry> b)
    {
        b.HasNoKey();
        b.ToTable(Table, t => t.ExcludeFromMigrations());
    }
}
