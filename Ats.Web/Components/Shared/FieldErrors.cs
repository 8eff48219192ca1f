using Ats.Domain.Writes;

namespace Ats.Web.Components.Shared;

/// The domain's field errors (keyed by wire name) for a form's inputs: Error="@Errors.Has("email")" ErrorText="@Errors["email"]".
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Any => _errors.Count > 0;
    public bool Has(string field) => _errors.ContainsKey(field);
    public string this[string field] => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : "";

    public void Set(ValidationException exception) => _errors = exception.Errors;
    public void Clear() => _errors = new Dictionary<string, string[]>();
}
