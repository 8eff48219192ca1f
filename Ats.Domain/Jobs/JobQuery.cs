using Ats.Domain.Common;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Jobs;

public sealed record JobRow(Guid Id, string Title, string? Department, string? Location, JobStatus Status, int Applications, DateTime CreatedAt);

/// What the job pages read: the list, one job, and how its applications spread over the stages.
public sealed class JobQuery(RecordService records)
{
    /// The job list: a text search, a status, a sort (newest first unless a person chose otherwise), a page.
    public Task<ListResult<JobRow>> PageAsync(Actor actor, string? search, JobStatus? status, PageRequest page, CancellationToken ct = default) =>
        records.ReadAsync<Job, ListResult<JobRow>>(actor, async (jobs, reads) =>
        {
            jobs = reads.Matching(jobs, search);
            if (status is { } wanted) jobs = jobs.Where(j => j.Status == wanted);
            var descending = page.Ascending == false;
            jobs = page.SortLabel switch
            {
                "title" => descending ? jobs.OrderByDescending(j => j.Title) : jobs.OrderBy(j => j.Title),
                "department" => descending ? jobs.OrderByDescending(j => j.Department) : jobs.OrderBy(j => j.Department),
                _ => page.Ascending == true ? jobs.OrderBy(j => j.CreatedAt) : jobs.OrderByDescending(j => j.CreatedAt),
            };
            var total = await jobs.CountAsync(ct);
            var rows = await page.Of(jobs)
                .Select(j => new JobRow(j.Id, j.Title, j.Department, j.Location, j.Status, reads.Rows<Application>().Count(a => a.JobId == j.Id), j.CreatedAt))
                .ToListAsync(ct);
            return new ListResult<JobRow>(rows, total);
        }, ct);

    /// How many applications of <paramref name="jobId"/> (null: of every job) are in each stage.
    public Task<Dictionary<Stage, int>> ByStageAsync(Actor actor, Guid? jobId, CancellationToken ct = default) =>
        records.ReadAsync<Application, Dictionary<Stage, int>>(actor, (rows, _) => rows.Where(a => jobId == null || a.JobId == jobId)
            .GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct), ct);

    /// Null when there is no such job, or the actor cannot see it.
    public Task<Job?> FindAsync(Actor actor, Guid id, CancellationToken ct = default) => records.FindAsync<Job>(actor, id, ct);

    public Task<int> OpenCountAsync(Actor actor, CancellationToken ct = default) =>
        records.ReadAsync<Job, int>(actor, (jobs, _) => jobs.CountAsync(j => j.Status == JobStatus.Open, ct), ct);
}
