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
            // MudBlazor's orange reads at 2:1 on white; this one passes WCAG AA as text, outline and fill.
            Warning = "#b45309",
        },
    };
}
