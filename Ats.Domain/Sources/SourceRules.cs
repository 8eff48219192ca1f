using Ats.Domain.Writes;

namespace Ats.Domain.Sources;

public sealed class SourceRules : ModelRules<Source>
{
    public override Task ValidateAsync(Source row, WriteContext context, ValidationErrors errors, CancellationToken ct) =>
        UniqueNames.RequireAsync(context, row, nameof(Source.Name), row.Name, context.Db.Sources, s => s.Name, errors, ct);
}
