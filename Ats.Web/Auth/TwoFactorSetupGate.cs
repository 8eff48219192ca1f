using Ats.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace Ats.Web.Auth;

/// Marks the few pages a user who must still set up two-factor sign-in may reach (the set-up page itself).
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowBeforeTwoFactorSetupAttribute : Attribute;

/// Every authorization decision (endpoints, downloads, pages on the interactive circuit, AuthorizeView) fails while
/// the user carries the "set up two-factor first" claim, except for what is marked [AllowBeforeTwoFactorSetup].
/// Pages are judged by their RouteData (Routes.razor passes it as the resource). Deciding here, not by path, leaves no route around it (a path with an extension, a page reached inside the circuit).
/// Anonymous endpoints (sign-in, sign-out, static files) never ask, so they stay reachable.
public sealed class TwoFactorSetupGate : IAuthorizationEvaluator
{
    private readonly DefaultAuthorizationEvaluator _inner = new();

    public AuthorizationResult Evaluate(AuthorizationHandlerContext context) =>
        context.User.HasClaim(c => c.Type == AtsClaims.TwoFactorSetupRequired) && !IsAllowed(context.Resource)
            ? AuthorizationResult.Failed()
            : _inner.Evaluate(context);

    private static bool IsAllowed(object? resource) => resource switch
    {
        HttpContext http => http.GetEndpoint()?.Metadata is { } metadata
            && (metadata.GetMetadata<AllowBeforeTwoFactorSetupAttribute>() is not null || IsMarked(metadata.GetMetadata<ComponentTypeMetadata>()?.Type)),
        RouteData route => IsMarked(route.PageType),
        _ => false,
    };

    private static bool IsMarked(Type? page) => page?.IsDefined(typeof(AllowBeforeTwoFactorSetupAttribute), inherit: false) == true;
}
