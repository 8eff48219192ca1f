using Ats.Domain.Common;
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
        row.FitProfile = Clean(row.FitProfile);
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Job row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        // Pay is personal data of the candidate: only an admin opens it to a job's hiring team.
        if (!context.Actor.IsAdmin && row.HiringManagersSeeSalaries && context.Changed(row, nameof(Job.HiringManagersSeeSalaries)))
            throw ForbiddenException.AdminOnly();
        if (row.Slug is not null && !errors.Has("slug") && context.Changed(row, nameof(Job.Slug))
            && await context.Db.Jobs.AnyAsync(j => j.Slug == row.Slug && j.Id != row.Id, ct))
            errors.Add("slug", Messages.SlugTaken);
        if (row.StartDate is { } start && row.EndDate < start) errors.Add("end_date", Messages.EndBeforeStart);
        if (row.MinPayRate is { } min && row.MaxPayRate < min) errors.Add("min_pay_rate", Messages.MinAboveMax);
        if (!IsValid(row.FitProfile)) errors.Add("fit_profile", Messages.InvalidValue);
        if (context.Changed(row, nameof(Job.HiringManagerIds)))
            await context.RequireUsersAsync(row.HiringManagerIds, "hiring_manager_ids", errors, ct);
        if (context.Changed(row, nameof(Job.InterviewerIds)))
            await context.RequireUsersAsync(row.InterviewerIds, "interviewer_ids", errors, ct);
    }

    /// JSON clients may send nulls inside the profile; the rules work on a clean copy.
    private static FitProfile Clean(FitProfile? profile) => new()
    {
        Requirements = (profile?.Requirements ?? []).Where(r => r is not null)
            .Select(r => r with { Text = r.Text?.Trim() ?? "", Keywords = Text.CleanList(r.Keywords ?? []) }).ToList(),
        KnockoutCriteria = (profile?.KnockoutCriteria ?? []).Where(k => k is not null)
            .Select(k => k with { Text = k.Text?.Trim() ?? "", Keywords = Text.CleanList(k.Keywords ?? []) }).ToList(),
    };

    private const int MaxFitItems = 50, MaxText = 500, MaxKeywords = 30, MaxKeyword = 100;

    private static bool IsValid(FitProfile profile) =>
        profile.Requirements.Count <= MaxFitItems && profile.KnockoutCriteria.Count <= MaxFitItems
        && profile.Requirements.All(r => r.Weight is >= 1 and <= 5 && Fits(r.Text, r.Keywords))
        && profile.KnockoutCriteria.All(k => Fits(k.Text, k.Keywords));

    private static bool Fits(string text, List<string> keywords) =>
        text.Length is > 0 and <= MaxText && !FieldValidation.HasControlCharacters(text, multiLine: false) && keywords.Count <= MaxKeywords
        && keywords.All(k => k.Length <= MaxKeyword && !FieldValidation.HasControlCharacters(k, multiLine: false));

    public override async Task ValidateDeleteAsync(Job row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (await context.Db.Applications.AnyAsync(a => a.JobId == row.Id, ct)) errors.Add("id", Messages.JobHasApplications);
    }
}
