using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Models;
using Ats.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

/// What a read may join: other models, always through the same tenant, role and scope rules.
public sealed class ReadContext(AtsDbContext db, Actor actor)
{
    /// For domain reads that need more than rows (the organisation's name, a user's settings); never handed out.
    internal AtsDbContext Db => db;

    public IQueryable<T> Rows<T>() where T : TenantEntity
    {
        AccessRules.RequireScope(actor, ModelCatalog.For<T>(), write: false);
        return db.Set<T>().AsNoTracking().Readable(actor, db);
    }

    /// The stage history of the applications this actor may read.
    public IQueryable<StageChange> StageChanges()
    {
        var applications = Rows<Application>();
        return db.StageChanges.AsNoTracking().Where(c => applications.Any(a => a.Id == c.ApplicationId));
    }

    /// The rows whose searchable fields contain the text (the lists' search box and the API's q).
    public IQueryable<T> Matching<T>(IQueryable<T> rows, string? text) where T : TenantEntity => TextSearch.Matching(rows, text, db);
}
