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
        },
    };
}
