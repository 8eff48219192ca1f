using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Models;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;

namespace Ats.Domain.Writes;

/// Who may read and write what, beyond tenant isolation (which the context's query filter enforces).
/// Admins and recruiters see the whole tenant, except others' scorecard drafts. A hiring manager sees the jobs whose
/// hiring team they are on (as hiring manager or interviewer) and the applications they interview for, with their
/// candidates, interviews, offers and notes; others' scorecards only once their own on that application is submitted;
/// tasks assigned to them and the sources. They write only their own scorecards and notes, and tick off the tasks
/// assigned to them.
public static class AccessRules
{
    public static void RequireScope(Actor actor, ModelDescriptor model, bool write)
    {
        if (actor.Scopes is null) return;
        var scope = write ? model.WriteScope : model.ReadScope;
        if (!actor.Scopes.Contains(scope)) throw ForbiddenException.MissingScope(scope);
    }

    public static IQueryable<T> Readable<T>(this IQueryable<T> rows, Actor actor, AtsDbContext db) where T : TenantEntity
    {
        var me = actor.UserId ?? Guid.Empty;
        if (!actor.IsHiringManager)
            // Scorecard drafts are their author's own business, for everyone.
            return rows is IQueryable<Scorecard> all ? (IQueryable<T>)all.Where(e => e.InterviewerId == me || e.SubmittedAt != null) : rows;

        var teamJobIds = db.Jobs.Where(j => j.HiringManagerIds.Contains(me) || j.InterviewerIds.Contains(me)).Select(j => j.Id);
        // Their jobs' applications, and any application they were asked to interview for.
        var interviewingFor = db.Interviews.Where(i => i.Status != InterviewStatus.Cancelled && i.InterviewerIds.Contains(me)).Select(i => i.ApplicationId);
        var teamApplications = db.Applications.Where(a => teamJobIds.Contains(a.JobId) || interviewingFor.Contains(a.Id));
        // No anchoring: an interviewer sees others' scorecards on an application only once their own is submitted.
        var submittedByMe = db.Scorecards.Where(e => e.InterviewerId == me && e.SubmittedAt != null).Select(e => e.ApplicationId);

        IQueryable filtered = rows switch
        {
            IQueryable<Job> jobs => jobs.Where(j => teamJobIds.Contains(j.Id)),
            IQueryable<Application> applications => applications.Where(a => teamApplications.Any(t => t.Id == a.Id)),
            IQueryable<Candidate> candidates => candidates.Where(c => teamApplications.Any(a => a.CandidateId == c.Id)),
            IQueryable<Interview> interviews => interviews.Where(i => teamApplications.Any(a => a.Id == i.ApplicationId)),
            IQueryable<Scorecard> evaluations => evaluations.Where(e => teamApplications.Any(a => a.Id == e.ApplicationId)
                && (e.InterviewerId == me || (e.SubmittedAt != null
                    && (submittedByMe.Contains(e.ApplicationId) || !interviewingFor.Contains(e.ApplicationId))))),
            IQueryable<Offer> offers => Offers.SalaryVisibility.ForHiringTeam(offers.Where(o => teamApplications.Any(a => a.Id == o.ApplicationId)), db, teamJobIds),
            IQueryable<ApplicationNote> notes => notes.Where(n =>
                (n.ParentKind == ParentKind.Job && teamJobIds.Contains(n.ParentId)) ||
                (n.ParentKind == ParentKind.Application && teamApplications.Any(a => a.Id == n.ParentId)) ||
                (n.ParentKind == ParentKind.Candidate && teamApplications.Any(a => a.CandidateId == n.ParentId))),
            // Given to them, and about something they may see (their team may have changed since).
            IQueryable<TaskItem> tasks => tasks.Where(t => t.AssignedTo == me && (t.ParentKind == null ||
                (t.ParentKind == ParentKind.Job && teamJobIds.Any(j => j == t.ParentId)) ||
                (t.ParentKind == ParentKind.Application && teamApplications.Any(a => a.Id == t.ParentId)) ||
                (t.ParentKind == ParentKind.Candidate && teamApplications.Any(a => a.CandidateId == t.ParentId)))),
            IQueryable<Source> sources => sources,
            _ => rows.Where(_ => false), // email templates and messages are recruiting work, not hiring-manager work
        };
        return (IQueryable<T>)filtered;
    }

    /// Checked before and after a change is applied, so a row can neither be taken over nor handed to someone else.
    public static void RequireWrite(Actor actor, ModelDescriptor model, TenantEntity row)
    {
        if (!actor.IsHiringManager) return;
        var own = row switch
        {
            Scorecard e => e.InterviewerId == actor.UserId,
            ApplicationNote n => n.AuthorId == actor.UserId,
            TaskItem t => t.AssignedTo == actor.UserId, // TaskRules: only ticking it off
            _ => false,
        };
        if (!own) throw ForbiddenException.CannotWrite(model.Name);
    }
}
