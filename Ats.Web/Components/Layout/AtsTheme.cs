using MudBlazor;

namespace Ats.Web.Components.Layout;

public static class AtsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#e0793a",
            AppbarBackground = "#1f5f8b",
            // MudBlazor's orange, green and red read at 2–4:1 on white; these pass WCAG AA as text, outline and fill.
            Warning = "#b45309",
            Success = "#2e7d32",
            Error = "#c62828",
        },
    };
}
