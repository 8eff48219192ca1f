using Ats.Domain.Common;
using Ats.Domain.Resources;
using Ats.Domain.Sources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Candidates;

public sealed class CandidateRules : ModelRules<Candidate>
{
    public override Task PrepareAsync(Candidate row, WriteContext context, CancellationToken ct)
    {
        row.FirstName = row.FirstName.Trim();
        row.LastName = row.LastName?.Trim();
        row.Email = row.Email.Trim();
        row.RefreshDerivedFields();
        row.Language = row.Language?.Trim().ToLowerInvariant();
        row.Tags = Text.CleanList(row.Tags);
        row.Skills = Text.CleanList(row.Skills);
        if (context.Changed(row, nameof(Candidate.GdprConsent))) row.ConsentGivenAt = row.GdprConsent ? context.Now : null;
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Candidate row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (!errors.Has("email") && context.Changed(row, nameof(Candidate.EmailNormalized))
            && await context.Db.Candidates.AnyAsync(c => c.EmailNormalized == row.EmailNormalized && c.Id != row.Id, ct))
            errors.Add("email", Messages.EmailTaken);
        await context.RequireReferenceAsync<Source>(row, nameof(Candidate.SourceId), "source_id", row.SourceId, errors, ct);
        if (row.Language is not (null or "de" or "en")) errors.Add("language", Messages.InvalidValue);
    }

}
