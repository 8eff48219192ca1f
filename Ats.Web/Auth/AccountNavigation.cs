using Ats.Domain.Identity;
using Ats.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Localization;

namespace Ats.Web.Auth;

public static class AccountNavigation
{
    /// After a full sign-in: the user's own language (if they chose one), then where they were going.
    public static void AfterSignIn(HttpContext http, NavigationManager navigation, AppUser user, string? returnUrl)
    {
        if (user.PreferredCulture is { } culture && LocalizationSetup.Cultures.Contains(culture))
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));
        navigation.NavigateTo(LocalizationSetup.IsLocal(returnUrl) ? returnUrl! : "/", forceLoad: true);
    }
}
