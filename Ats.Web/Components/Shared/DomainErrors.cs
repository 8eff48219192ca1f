using Ats.Domain.Writes;
using MudBlazor;

namespace Ats.Web.Components.Shared;

/// Runs a domain call from a page: field errors go to the form, every other refusal to a snackbar.
public static class DomainErrors
{
    public static async Task<bool> TryAsync(Func<Task> call, ISnackbar snackbar, FieldErrors? fields = null)
    {
        fields?.Clear();
        try
        {
            await call();
            return true;
        }
        catch (ValidationException ex) when (fields is not null)
        {
            fields.Set(ex);
            snackbar.Add(ex.Message, Severity.Warning);
        }
        catch (DomainException ex)
        {
            snackbar.Add(ex.Message, ex is ConcurrencyException ? Severity.Warning : Severity.Error);
        }
        return false;
    }
}
