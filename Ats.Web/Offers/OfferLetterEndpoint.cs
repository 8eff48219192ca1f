using Ats.Domain.Offers;
using Ats.Domain.Writes;
using Ats.Web.Auth;

namespace Ats.Web.Offers;

/// The offer letter as a PDF download for a signed-in person (the API serves the same at /xapi2/data/offer/{id}/pdf).
public static class OfferLetterEndpoint
{
    public static IEndpointRouteBuilder MapOfferLetters(this IEndpointRouteBuilder app)
    {
        app.MapGet("/offers/{id:guid}/letter.pdf", async (Guid id, HttpContext http, RecordService records, TimeProvider clock) =>
        {
            if (ActorAccessor.FromPrincipal(http.User) is not { } actor) return Results.Forbid();
            try
            {
                if (await OfferLetters.RenderAsync(records, actor, id, clock.GetUtcNow().UtcDateTime, http.RequestAborted) is not { } letter)
                    return Results.NotFound();
                http.Response.Headers.CacheControl = "no-store"; // salaries and an address: not for shared caches
                return Results.File(letter.Content, "application/pdf", letter.FileName);
            }
            catch (ForbiddenException)
            {
                return Results.Forbid(); // deactivated meanwhile
            }
        }).RequireAuthorization();
        return app;
    }
}
