using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Sources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Pipeline;

/// What a board shows: the cards of one job, or of all open jobs, and the open jobs to pick from.
public sealed class BoardQuery(RecordService records)
{
    /// The cards of <paramref name="jobId"/> (null: of every open job), each column in its order; over several jobs a
    /// column lists each job's cards together. <paramref name="now"/> decides which interview is the next.
    public Task<List<BoardCardModel>> CardsAsync(Actor actor, Guid? jobId, DateTime now, CancellationToken ct = default) =>
        records.ReadAsync<Application, List<BoardCardModel>>(actor, (applications, reads) => applications
            .Where(a => jobId != null ? a.JobId == jobId : a.Job!.Status == JobStatus.Open)
            .OrderBy(a => a.Job!.Title).ThenBy(a => a.JobId).ThenBy(a => a.KanbanPosition).ThenBy(a => a.Id)
            .Select(a => new BoardCardModel
            {
                Id = a.Id,
                JobId = a.JobId,
                JobTitle = a.Job!.Title,
                CandidateId = a.CandidateId,
                Name = a.Candidate!.FirstName + " " + (a.Candidate.LastName ?? ""),
                FitScore = a.FitScore,
                SourceId = a.SourceId,
                Source = reads.Rows<Source>().Where(s => s.Id == a.SourceId).Select(s => s.Name).FirstOrDefault(),
                Tags = a.Candidate.Tags,
                NextInterviewAt = reads.Rows<Interview>().Where(i => i.ApplicationId == a.Id && i.Status == InterviewStatus.Scheduled && i.StartsAt > now)
                    .Min(i => (DateTime?)i.StartsAt),
                Stage = a.Stage,
                Version = a.Version,
                StageChangedAt = a.StageChangedAt,
            }).ToListAsync(ct), ct);

    /// The job a board is for, or null when the actor cannot see it.
    public Task<Job?> JobAsync(Actor actor, Guid id, CancellationToken ct = default) => records.FindAsync<Job>(actor, id, ct);

    /// The open jobs by title: the board over all of them offers each on its own.
    public Task<List<(Guid Id, string Title)>> OpenJobsAsync(Actor actor, CancellationToken ct = default) =>
        records.ReadAsync<Job, List<(Guid, string)>>(actor, async (jobs, _) =>
            (await jobs.Where(j => j.Status == JobStatus.Open).OrderBy(j => j.Title).Select(j => new { j.Id, j.Title }).ToListAsync(ct))
            .Select(j => (j.Id, j.Title)).ToList(), ct);
}
