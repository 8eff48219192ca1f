using Ats.Domain.Candidates;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Mail;

/// A candidate to preview a template with.
public sealed record PreviewCandidate(Guid Id, string Name);

/// The template pages' reads: the templates, and the people and applications a template is previewed with.
public static class TemplateLists
{
    public static Task<List<EmailTemplate>> AllAsync(RecordService records, Actor actor, CancellationToken ct = default) =>
        records.ReadAsync<EmailTemplate, List<EmailTemplate>>(actor, (templates, _) => templates.OrderBy(t => t.Name).ToListAsync(ct), ct);

    /// Whoever applied last: a real person to preview with from the start.
    public static async Task<PreviewCandidate?> LatestApplicantAsync(RecordService records, Actor actor, CancellationToken ct = default) =>
        await records.ReadAsync<Application, Candidate?>(actor, (applications, _) => applications
            .OrderByDescending(a => a.CreatedAt).Select(a => a.Candidate).FirstOrDefaultAsync(ct), ct) is { } latest
            ? new PreviewCandidate(latest.Id, latest.FullName) : null;

    /// Up to 20 candidates matching the text, by name.
    public static Task<List<PreviewCandidate>> SearchCandidatesAsync(RecordService records, Actor actor, string? text, CancellationToken ct = default) =>
        records.ReadAsync<Candidate, List<PreviewCandidate>>(actor, async (candidates, reads) =>
            (await reads.Matching(candidates, text).OrderBy(c => c.SortName).Take(20).ToListAsync(ct))
                .Select(c => new PreviewCandidate(c.Id, c.FullName)).ToList(), ct);

    /// A candidate's applications with their job title, newest first.
    public static Task<List<(Guid Id, string Job)>> ApplicationsAsync(RecordService records, Actor actor, Guid candidateId, CancellationToken ct = default) =>
        records.ReadAsync<Application, List<(Guid, string)>>(actor, async (applications, _) =>
            (await applications.Where(a => a.CandidateId == candidateId).OrderByDescending(a => a.CreatedAt)
                .Select(a => new { a.Id, a.Job!.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title)).ToList(), ct);
}
