using Ats.Domain.Tenancy;

namespace Ats.Web.Hosting;

/// Until an organisation exists, every page sends the visitor to /setup to create it and its admin account.
public sealed class FirstRunRedirect(RequestDelegate next, OrganisationSetup setup)
{
    private volatile bool _done;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_done && IsPage(context.Request) && !context.Request.Path.StartsWithSegments("/setup"))
        {
            if (await setup.IsNeededAsync(context.RequestAborted))
            {
                context.Response.Redirect("/setup");
                return;
            }
            _done = true; // an organisation never disappears again; stop asking
        }
        await next(context);
    }

    private static bool IsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !Path.HasExtension(request.Path.Value) && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/_framework") && !request.Path.StartsWithSegments("/_content")
        && !request.Path.StartsWithSegments("/xapi2");
}
