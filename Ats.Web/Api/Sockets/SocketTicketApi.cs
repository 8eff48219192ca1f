using System.Text.Json.Nodes;
using Ats.Domain.Tokens;
using Ats.Web.Api.Access;

namespace Ats.Web.Api.Sockets;

/// POST /xapi2/ch/ticket (bearer header) → a single-use ticket for ?ticket= on the socket, valid 30 s: browsers open
/// the socket without a token in the URL, where proxies and logs would keep it.
public static class SocketTicketApi
{
    public static void MapSocketTickets(this IEndpointRouteBuilder app) =>
        app.MapPost(BearerTokens.ChannelPath + "/ticket", async (HttpContext http, SocketTickets tickets) =>
        {
            var (ticket, expiresAt) = await tickets.IssueAsync(http.Credential(), RateLimits.TokenKey(http), http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new JsonObject { ["ticket"] = ticket, ["expires_at"] = expiresAt });
        });
}
