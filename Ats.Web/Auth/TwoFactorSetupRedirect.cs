using Ats.Domain.Identity;

namespace Ats.Web.Auth;

/// Convenience only (the gate is TwoFactorSetupGate, which refuses every authorised endpoint): an admin whose organisation
/// requires a second factor, and who has none yet, is sent to the set-up page: every
/// other page (the first load of any page starts the interactive app, so this covers all of them) redirects there.
public static class TwoFactorSetupRedirect
{
    public const string SetupPath = "/account/two-factor";

    public static IApplicationBuilder UseTwoFactorSetupRedirect(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (http.User.HasClaim(c => c.Type == AtsClaims.TwoFactorSetupRequired) && HttpMethods.IsGet(request.Method)
            && !request.Path.StartsWithSegments("/account") && !request.Path.StartsWithSegments("/culture") && !request.Path.StartsWithSegments("/xapi2")
            && !request.Path.StartsWithSegments("/_framework") && !request.Path.StartsWithSegments("/_content")
            && !Path.HasExtension(request.Path.Value))
        {
            http.Response.Redirect(SetupPath);
            return;
        }
        await next(http);
    });
}
