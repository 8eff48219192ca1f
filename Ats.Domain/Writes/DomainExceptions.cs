using Ats.Domain.Resources;

namespace Ats.Domain.Writes;

/// A refusal every surface can show: a stable machine <see cref="Code"/> and a message in the user's language.
public abstract class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// Field errors keyed by wire field name.
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("validation_failed", Messages.ValidationFailed)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// Also used for rows of another tenant or outside the actor's role, so that existence is not leaked.
public sealed class NotFoundException(string model, Guid id) : DomainException("not_found", Messages.NotFound(model, id));

public sealed class ForbiddenException(string code, string message) : DomainException(code, message)
{
    public static ForbiddenException MissingScope(string scope) => new("missing_scope", Messages.MissingScope(scope));
    public static ForbiddenException CannotWrite(string model) => new("forbidden", Messages.Forbidden(model));
    public static ForbiddenException NotTheAuthor() => new("not_the_author", Messages.NotTheAuthor);
    public static ForbiddenException TickOffOnly() => new("forbidden", Messages.HiringManagersTickOffOnly);
    public static ForbiddenException AdminOnly() => new("admin_only", Messages.AdminOnly);
    public static ForbiddenException TokensNeedSignIn() => new("sign_in_required", Messages.TokensNeedSignIn);
    public static ForbiddenException Inactive() => new("inactive_user", Messages.InactiveUser);
}

/// The row changed since the caller read it: lost updates are refused, never silently overwritten.
public sealed class ConcurrencyException(string model, Guid id, int currentVersion)
    : DomainException("version_conflict", Messages.StaleVersion(model))
{
    public Guid Id { get; } = id;
    public int CurrentVersion { get; } = currentVersion;
}

public sealed class ConflictException() : DomainException("conflict", Messages.Conflict);
