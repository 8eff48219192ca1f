using System.Net.WebSockets;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Sockets;

/// GET /xapi2/ch?ticket=…: one WebSocket for live events and CRUD. The bearer middleware has resolved the ticket or token
/// already (a ticket from POST /xapi2/ch/ticket, ?token= of old clients, or the Authorization header).
public static class ChannelEndpoint
{
    public static IServiceCollection AddChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Ats:Channel").Get<ChannelSettings>() ?? new ChannelSettings());
        services.AddSingleton<ChannelRequests>();
        services.AddSingleton<SocketLimits>();
        services.AddSingleton<LiveEventHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventHub>());
        return services;
    }

    public static void MapChannel(this IEndpointRouteBuilder app)
    {
        app.MapGet(BearerTokens.ChannelPath, RunAsync);
        app.MapSocketTickets();
    }

    private static async Task RunAsync(HttpContext http, ChannelSettings settings, LiveEventHub hub, ChannelRequests requests,
        BearerTokens tokens, SocketLimits limits, SocketTickets tickets, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Problems.WriteAsync(http, 426, "upgrade_required", "This is a WebSocket endpoint: connect with a WebSocket client.");
            return;
        }
        if (!OriginAllowed(http, settings))
        {
            await Problems.WriteAsync(http, 403, "origin_not_allowed", "Browser pages of other sites may not open this socket (see Ats:Channel:AllowedOrigins).");
            return;
        }
        // Counted before accepting, so that a refusal is a plain 429 the client can read.
        using var place = limits.TryOpen(RateLimits.SocketKey(http), http.Connection.RemoteIpAddress?.ToString(), out var tooMany);
        if (place is null)
        {
            await Problems.Of(http, tooMany!).ExecuteAsync(http);
            return;
        }
        // Spent only now that nothing refuses the socket; of two handshakes with one ticket, one wins.
        if (BearerTokens.TicketFromRequest(http) is { } ticket && await tickets.RedeemAsync(ticket, http.RequestAborted) is (null, { } refusal))
        {
            await BearerAuthentication.RefuseAsync(http, BearerAuthentication.TicketProblem(refusal));
            return;
        }
        await hub.Started;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds),
            KeepAliveTimeout = TimeSpan.FromSeconds(settings.KeepAliveSeconds * 2),
        });
        var actor = http.Actor() with { Channel = Channel.Ws };
        var connection = new ChannelConnection(socket, http.Credential(), http.Connection.RemoteIpAddress?.ToString(), actor,
            settings, hub, requests, tokens, loggers.CreateLogger<ChannelConnection>(), place);
        await connection.RunAsync(lifetime.ApplicationStopping);
    }

    /// Browsers send Origin: only the app's own pages and configured origins may connect. Other clients send none.
    private static bool OriginAllowed(HttpContext http, ChannelSettings settings)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        var own = string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return own || settings.AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
