using Ats.Domain.Common;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Notes;

/// The notes a candidate's, an application's or a job's page lists: pinned first, then newest.
public static class NotesOn
{
    /// The notes on the parent, and on <paramref name="applications"/> (a candidate's page shows those of their applications).
    public static Task<List<ApplicationNote>> ListAsync(RecordService records, Actor actor, ParentKind kind, Guid parentId,
        IReadOnlyCollection<Guid> applications, CancellationToken ct = default) =>
        records.ReadAsync<ApplicationNote, List<ApplicationNote>>(actor, (notes, _) => notes
            .Where(n => (n.ParentKind == kind && n.ParentId == parentId) || (n.ParentKind == ParentKind.Application && applications.Contains(n.ParentId)))
            .OrderByDescending(n => n.Pinned).ThenByDescending(n => n.CreatedAt).ToListAsync(ct), ct);
}
