using Ats.Domain.Common;

namespace Ats.Web.Components.Shared;

public static class ListPages
{
    /// A table's sort and page, as the domain's list queries take them.
    public static PageRequest ToPageRequest(this MudBlazor.TableState state) => new(state.SortLabel,
        state.SortDirection switch { MudBlazor.SortDirection.Ascending => true, MudBlazor.SortDirection.Descending => false, _ => null },
        state.Page, state.PageSize);
}
