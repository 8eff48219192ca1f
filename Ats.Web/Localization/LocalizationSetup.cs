using System.Globalization;
using Ats.Domain.Identity;
using Ats.Domain.Writes;
using Ats.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace Ats.Web.Localization;

/// German and English. The language comes from the user's choice (a cookie, also stored on the user), else the browser.
public static class LocalizationSetup
{
    public static readonly string[] Cultures = ["de-DE", "en-GB"];
    public const string Default = "de-DE";

    public static IServiceCollection AddAtsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Default).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new BrowserLanguageProvider(),
            ];
        });
        return services;
    }

    /// GET /culture?name=en-GB&redirect=/jobs — switches the language for this browser and, when signed in, for the user.
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", async (string? name, string? redirect, HttpContext http, UserAdministration users) =>
        {
            if (name is null || !Cultures.Contains(name)) return Results.BadRequest();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            if (ActorAccessor.FromPrincipal(http.User) is { } actor)
            {
                try { await users.SetLanguageAsync(actor, name); } // audited as the user's language
                catch (ForbiddenException) { } // a session that outlived its user's role keeps the cookie only
            }
            return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        });
        return app;
    }

    public static bool IsLocal(string? url) => RedirectHttpResult.IsLocalUrl(url);

    /// Maps any German browser language (de, de-AT, de-CH) to de-DE and any other to English (en-GB).
    private sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
        {
            var languages = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1);
            foreach (var language in languages)
            {
                var tag = language.Value.Value ?? "";
                if (tag.StartsWith("de", StringComparison.OrdinalIgnoreCase)) return Result("de-DE");
                if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return Result("en-GB");
            }
            return Task.FromResult<ProviderCultureResult?>(null);
        }

        private static Task<ProviderCultureResult?> Result(string culture) => Task.FromResult<ProviderCultureResult?>(new(culture));
    }
}
