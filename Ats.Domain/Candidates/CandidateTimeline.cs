using Ats.Domain.Common;
using Ats.Domain.Interviews;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Tasks;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Candidates;

/// One thing that happened to a candidate. <see cref="Record"/> is the row itself (a <see cref="StageChange"/>,
/// <see cref="ApplicationNote"/>, <see cref="Message"/>, <see cref="TaskItem"/>, <see cref="Interview"/>,
/// <see cref="Scorecard"/> or <see cref="Offer"/>), so a view can show each kind in its own way.
public sealed record TimelineEntry(DateTime At, object Record, Guid? ApplicationId, string? JobTitle);

/// Everything that happened to a candidate, or to one of their applications, newest first. Every part is read under
/// the actor's access rules: a hiring manager sees the jobs they are on and no mail.
public static class CandidateTimeline
{
    /// Enough for a profile; older entries are still on the records themselves.
    public const int Limit = 300;

    /// How much of a note's or message's text an entry carries.
    public const int Excerpt = 200;

    public static Task<IReadOnlyList<TimelineEntry>> LoadAsync(RecordService records, Actor actor, Guid candidateId,
        Guid? applicationId = null, CancellationToken ct = default) =>
        records.ReadAsync<Application, IReadOnlyList<TimelineEntry>>(actor, async (applications, reads) =>
        {
            var jobs = await applications.Where(a => a.CandidateId == candidateId && (applicationId == null || a.Id == applicationId))
                .Select(a => new { a.Id, a.Job!.Title }).ToDictionaryAsync(a => a.Id, a => (string?)a.Title, ct);
            var ids = jobs.Keys.ToList();
            var nullableIds = ids.Select(id => (Guid?)id).ToList(); // for the optional references of messages and tasks
            var scopedToApplication = applicationId is not null;

            var entries = new List<TimelineEntry>();
            void Add(DateTime at, object record, Guid? application) =>
                entries.Add(new TimelineEntry(at, record, application, application is { } id ? jobs.GetValueOrDefault(id) : null));

            foreach (var change in await reads.StageChanges().Where(c => ids.Contains(c.ApplicationId)).OrderByDescending(c => c.At).Take(Limit).ToListAsync(ct))
                Add(change.At, change, change.ApplicationId);

            var notes = reads.Rows<ApplicationNote>().Where(n =>
                (n.ParentKind == ParentKind.Application && ids.Contains(n.ParentId)) ||
                (!scopedToApplication && n.ParentKind == ParentKind.Candidate && n.ParentId == candidateId));
            // Only the start of a text is shown: bodies may be long, and a busy profile has hundreds of them.
            var shortNotes = notes.OrderByDescending(n => n.CreatedAt).Take(Limit).Select(n => new ApplicationNote
            {
                Id = n.Id, ParentKind = n.ParentKind, ParentId = n.ParentId, AuthorId = n.AuthorId, Pinned = n.Pinned, CreatedAt = n.CreatedAt,
                Body = n.Body.Length > Excerpt ? n.Body.Substring(0, Excerpt) : n.Body,
            });
            foreach (var note in await shortNotes.ToListAsync(ct))
                Add(note.CreatedAt, note, note.ParentKind == ParentKind.Application ? note.ParentId : null);

            var messages = reads.Rows<Message>().Where(m => m.CandidateId == candidateId
                && (!scopedToApplication || nullableIds.Contains(m.ApplicationId)));
            var shortMessages = messages.OrderByDescending(m => m.CreatedAt).Take(Limit).Select(m => new Message
            {
                Id = m.Id, CandidateId = m.CandidateId, ApplicationId = m.ApplicationId, InterviewId = m.InterviewId, RecipientUserId = m.RecipientUserId,
                Channel = m.Channel, Subject = m.Subject,
                Status = m.Status, SentAt = m.SentAt, CreatedAt = m.CreatedAt, Body = m.Body.Length > Excerpt ? m.Body.Substring(0, Excerpt) : m.Body,
            });
            foreach (var message in await shortMessages.ToListAsync(ct))
                Add(message.SentAt ?? message.CreatedAt, message, message.ApplicationId);

            var tasks = reads.Rows<TaskItem>().Where(t =>
                (t.ParentKind == ParentKind.Application && nullableIds.Contains(t.ParentId)) ||
                (!scopedToApplication && t.ParentKind == ParentKind.Candidate && t.ParentId == candidateId));
            foreach (var task in await tasks.OrderByDescending(t => t.CreatedAt).Take(Limit).ToListAsync(ct))
                Add(task.CompletedAt ?? task.CreatedAt, task, task.ParentKind == ParentKind.Application ? task.ParentId : null);

            foreach (var interview in await reads.Rows<Interview>().Where(i => ids.Contains(i.ApplicationId)).OrderByDescending(i => i.CreatedAt).Take(Limit).ToListAsync(ct))
                Add(interview.CreatedAt, interview, interview.ApplicationId);
            foreach (var evaluation in await reads.Rows<Scorecard>().Where(e => ids.Contains(e.ApplicationId)).OrderByDescending(e => e.CreatedAt).Take(Limit).ToListAsync(ct))
                Add(evaluation.SubmittedAt ?? evaluation.CreatedAt, evaluation, evaluation.ApplicationId);
            foreach (var offer in await reads.Rows<Offer>().Where(o => ids.Contains(o.ApplicationId)).OrderByDescending(o => o.CreatedAt).Take(Limit).ToListAsync(ct))
                Add(offer.RespondedAt ?? offer.SentAt ?? offer.CreatedAt, offer, offer.ApplicationId);

            return entries.OrderByDescending(e => e.At).Take(Limit).ToList();
        }, ct);
}
