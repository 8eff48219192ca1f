using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Jobs;

public sealed class JobRules : ModelRules<Job>
{
    public override Task PrepareAsync(Job row, WriteContext context, CancellationToken ct)
    {
        row.Title = row.Title.Trim();
        row.Slug = string.IsNullOrWhiteSpace(row.Slug) ? null : row.Slug.Trim();
        row.HiringManagerIds = row.HiringManagerIds.Distinct().ToList();
        row.InterviewerIds = row.InterviewerIds.Distinct().ToList();
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Job row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (row.Slug is not null && !errors.Has("slug") && context.Changed(row, nameof(Job.Slug))
            && await context.Db.Jobs.AnyAsync(j => j.Slug == row.Slug && j.Id != row.Id, ct))
            errors.Add("slug", Messages.SlugTaken);
        if (row.StartDate is { } start && row.EndDate < start) errors.Add("end_date", Messages.EndBeforeStart);
        if (row.MinPayRate is { } min && row.MaxPayRate < min) errors.Add("min_pay_rate", Messages.MinAboveMax);
        if (row.FitProfile.Requirements.Any(r => r.Weight is < 1 or > 5 || string.IsNullOrWhiteSpace(r.Text)))
            errors.Add("fit_profile", Messages.InvalidValue);
        if (context.Changed(row, nameof(Job.HiringManagerIds)))
            await context.RequireUsersAsync(row.HiringManagerIds, "hiring_manager_ids", errors, ct);
        if (context.Changed(row, nameof(Job.InterviewerIds)))
            await context.RequireUsersAsync(row.InterviewerIds, "interviewer_ids", errors, ct);
    }

    public override async Task ValidateDeleteAsync(Job row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (await context.Db.Applications.AnyAsync(a => a.JobId == row.Id, ct)) errors.Add("id", Messages.JobHasApplications);
    }
}
