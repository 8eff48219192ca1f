using System.Linq.Expressions;
using System.Reflection;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

/// Loads into the context everything a delete will take with it, so that EF applies the cascade to tracked rows
/// and every removed or detached row gets its own audit entry and change event (the database alone would do it silently).
internal static class Cascades
{
    private static readonly MethodInfo LoadByKey = typeof(Cascades).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// Returns the rows the delete touches, <paramref name="row"/> included, each after every row that hangs on it:
    /// the order of their change events, so a client hears of a candidate's applications before the candidate goes.
    public static async Task<List<TenantEntity>> TrackDependentsAsync(AtsDbContext db, TenantEntity row, CancellationToken ct)
    {
        var taken = new List<TenantEntity>();
        await TrackAsync(db, row, taken, ct);
        return taken;
    }

    private static async Task TrackAsync(AtsDbContext db, TenantEntity row, List<TenantEntity> taken, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(row.GetType())!;
        foreach (var key in type.GetReferencingForeignKeys())
        {
            var dependentType = key.DeclaringEntityType.ClrType;
            if (!typeof(TenantEntity).IsAssignableFrom(dependentType) || key.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.SetNull))
                continue;
            var property = key.Properties[0];
            var load = LoadByKey.MakeGenericMethod(dependentType);
            var dependents = await (Task<List<TenantEntity>>)load.Invoke(null, [db, property.Name, property.ClrType, row.Id, ct])!;
            foreach (var dependent in dependents)
                if (key.DeleteBehavior == DeleteBehavior.Cascade) await TrackAsync(db, dependent, taken, ct);
                else taken.Add(dependent); // only its reference is cleared
        }

        // Notes and tasks hang on candidates, applications and jobs by kind and id, without a foreign key.
        ParentKind? kind = row switch { Candidate => ParentKind.Candidate, Application => ParentKind.Application, Job => ParentKind.Job, _ => null };
        if (kind is not null)
        {
            var notes = await db.Notes.Where(n => n.ParentKind == kind && n.ParentId == row.Id).ToListAsync(ct);
            var tasks = await db.Tasks.Where(t => t.ParentKind == kind && t.ParentId == row.Id).ToListAsync(ct);
            db.Notes.RemoveRange(notes);
            db.Tasks.RemoveRange(tasks);
            taken.AddRange(notes);
            taken.AddRange(tasks);
        }
        taken.Add(row);
    }

    /// The rows of <typeparamref name="T"/> whose foreign key points at <paramref name="id"/>, tracked.
    private static async Task<List<TenantEntity>> LoadAsync<T>(AtsDbContext db, string foreignKey, Type keyType, Guid id, CancellationToken ct)
        where T : TenantEntity
    {
        var row = Expression.Parameter(typeof(T), "row");
        var pointsAtId = Expression.Equal(Expression.Property(row, foreignKey), Expression.Constant(id, keyType));
        var rows = await db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(pointsAtId, row)).ToListAsync(ct);
        return [.. rows];
    }
}
