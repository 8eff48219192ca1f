using Ats.Domain.Writes;

namespace Ats.Web.Components.Shared;

/// The domain's field errors (keyed by wire name) for a form's inputs: Error="@Errors.Has("email")" ErrorText="@Errors["email"]".
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Any => _errors.Count > 0;
    public bool Has(string field) => _errors.ContainsKey(field);
    public string this[string field] => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : "";

    /// Changes with every result. A form keys its inputs on it (@key), so each answer is shown afresh: MudBlazor inputs
    /// keep their own error state once the user types, and would not show a second error of the same field.
    public int Version { get; private set; }

    public void Set(ValidationException exception) => (_errors, Version) = (exception.Errors, Version + 1);
    public void Clear() => (_errors, Version) = (new Dictionary<string, string[]>(), Version + 1);
}
