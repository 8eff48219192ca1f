using Ats.Domain.Common;

namespace Ats.Domain.Writes;

/// One set of rules per model, the same for every surface: derive server-owned fields, then validate.
/// Field-level checks (required, length, format, range) come from the model descriptor first.
public abstract class ModelRules<T> where T : TenantEntity
{
    public virtual Task PrepareAsync(T row, WriteContext context, CancellationToken ct) => Task.CompletedTask;

    public virtual Task ValidateAsync(T row, WriteContext context, ValidationErrors errors, CancellationToken ct) => Task.CompletedTask;

    public virtual Task ValidateDeleteAsync(T row, WriteContext context, ValidationErrors errors, CancellationToken ct) => Task.CompletedTask;
}

/// For models with nothing beyond their descriptor's field rules.
public sealed class DescriptorOnlyRules<T> : ModelRules<T> where T : TenantEntity;
