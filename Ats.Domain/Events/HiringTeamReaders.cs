using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Events;

/// Which hiring managers may read given rows, worked out once for all of them from the rows' hiring teams (a few
/// queries per write) instead of one query per hiring manager. Mirrors <c>AccessRules.Readable</c> for a hiring
/// manager: a job's team is its hiring managers and interviewers; an application is read by its job's team and the
/// interviewers of its interviews that are not cancelled; a candidate, interview, offer or note by whoever reads an
/// application (or job) it hangs on; a task by its assignee only, when they may read what it hangs on.
/// Scorecards follow rules of their own and are not handled here, nor are sources (null: ask user by user).
internal sealed class HiringTeamReaders(AtsDbContext db, CancellationToken ct)
{
    private static readonly HashSet<Guid> Nobody = [];

    public static async Task<Dictionary<Guid, HashSet<Guid>>?> ForAsync(AtsDbContext db, Type type, List<Guid> ids, CancellationToken ct)
    {
        var teams = new HiringTeamReaders(db, ct);
        if (type == typeof(Job)) return await teams.JobsAsync(ids);
        if (type == typeof(Application)) return await teams.ApplicationsAsync(ids);
        if (type == typeof(Candidate)) return await teams.CandidatesAsync(ids);
        if (type == typeof(Interview))
            return await teams.ByApplicationAsync(ids, await db.Interviews.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.ApplicationId }).ToDictionaryAsync(i => i.Id, i => i.ApplicationId, ct));
        if (type == typeof(Offer))
            return await teams.ByApplicationAsync(ids, await db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.ApplicationId }).ToDictionaryAsync(o => o.Id, o => o.ApplicationId, ct));
        if (type == typeof(ApplicationNote))
        {
            var notes = await db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.ParentKind, n.ParentId }).ToListAsync(ct);
            var parents = await teams.ParentsAsync(notes.Select(n => ((ParentKind?)n.ParentKind, (Guid?)n.ParentId)));
            return notes.ToDictionary(n => n.Id, n => parents(n.ParentKind, n.ParentId));
        }
        if (type == typeof(TaskItem))
        {
            var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.ParentKind, t.ParentId, t.AssignedTo }).ToListAsync(ct);
            var parents = await teams.ParentsAsync(tasks.Select(t => (t.ParentKind, t.ParentId)));
            return tasks.ToDictionary(t => t.Id, t => t.AssignedTo is { } assignee && (t.ParentKind is not { } kind || parents(kind, t.ParentId ?? Guid.Empty).Contains(assignee))
                ? new HashSet<Guid> { assignee } : Nobody);
        }
        // Email templates and messages are recruiting work, not hiring-manager work.
        if (type == typeof(Message) || type == typeof(EmailTemplate)) return [];
        return null;
    }

    private async Task<Dictionary<Guid, HashSet<Guid>>> JobsAsync(IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => list.Contains(j.Id)).Select(j => new { j.Id, j.HiringManagerIds, j.InterviewerIds }).ToListAsync(ct);
        return jobs.ToDictionary(j => j.Id, j => j.HiringManagerIds.Concat(j.InterviewerIds).ToHashSet());
    }

    private async Task<Dictionary<Guid, HashSet<Guid>>> ApplicationsAsync(IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => list.Contains(a.Id)).Select(a => new { a.Id, a.JobId }).ToListAsync(ct);
        return await TeamsOfAsync(applications.Select(a => (a.Id, a.JobId)).ToList());
    }

    private async Task<Dictionary<Guid, HashSet<Guid>>> CandidatesAsync(IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => list.Contains(a.CandidateId)).Select(a => new { a.Id, a.JobId, a.CandidateId }).ToListAsync(ct);
        var teams = await TeamsOfAsync(applications.Select(a => (a.Id, a.JobId)).ToList());
        return list.ToDictionary(id => id, id => applications.Where(a => a.CandidateId == id).SelectMany(a => teams[a.Id]).ToHashSet());
    }

    /// Each application's readers: its job's team and the interviewers of its interviews that are not cancelled.
    private async Task<Dictionary<Guid, HashSet<Guid>>> TeamsOfAsync(List<(Guid Id, Guid JobId)> applications)
    {
        var jobs = await JobsAsync(applications.Select(a => a.JobId));
        var ids = applications.Select(a => a.Id).ToList();
        var interviews = await db.Interviews.AsNoTracking().Where(i => ids.Contains(i.ApplicationId) && i.Status != InterviewStatus.Cancelled)
            .Select(i => new { i.ApplicationId, i.InterviewerIds }).ToListAsync(ct);
        return applications.ToDictionary(a => a.Id, a => jobs.GetValueOrDefault(a.JobId, Nobody)
            .Concat(interviews.Where(i => i.ApplicationId == a.Id).SelectMany(i => i.InterviewerIds)).ToHashSet());
    }

    private async Task<Dictionary<Guid, HashSet<Guid>>> ByApplicationAsync(List<Guid> ids, Dictionary<Guid, Guid> applicationOf)
    {
        var teams = await ApplicationsAsync(applicationOf.Values);
        return ids.Where(applicationOf.ContainsKey).ToDictionary(id => id, id => teams.GetValueOrDefault(applicationOf[id], Nobody));
    }

    /// The readers of the jobs, applications and candidates that notes or tasks hang on.
    private async Task<Func<ParentKind, Guid, HashSet<Guid>>> ParentsAsync(IEnumerable<(ParentKind? Kind, Guid? Id)> parents)
    {
        var list = parents.Where(p => p.Kind is not null && p.Id is not null).Select(p => (Kind: p.Kind!.Value, Id: p.Id!.Value)).ToList();
        var jobs = await JobsAsync(list.Where(p => p.Kind == ParentKind.Job).Select(p => p.Id));
        var applications = await ApplicationsAsync(list.Where(p => p.Kind == ParentKind.Application).Select(p => p.Id));
        var candidates = await CandidatesAsync(list.Where(p => p.Kind == ParentKind.Candidate).Select(p => p.Id));
        return (kind, id) => (kind switch
        {
            ParentKind.Job => jobs,
            ParentKind.Application => applications,
            ParentKind.Candidate => candidates,
            _ => [],
        }).GetValueOrDefault(id, Nobody);
    }
}
