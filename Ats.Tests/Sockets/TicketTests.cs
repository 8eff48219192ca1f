using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Ats.Domain.Tokens;
using Ats.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Sockets;

/// The demo app on Kestrel with a clock only the tests move.
public sealed class ClockedChannelFixture : ChannelFixture
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// Socket tickets (POST /xapi2/ch/ticket → ?ticket=): single use, 30 s, bound to the token they were made from; and
/// an expired JWT is told so (token_expired) at the handshake, on an open socket and on REST.
public sealed class TicketTests(ClockedChannelFixture host) : IClassFixture<ClockedChannelFixture>
{
    private async Task<JsonObject> TicketAsync(string token)
    {
        using var http = host.Http(token);
        var response = await http.PostAsync("/xapi2/ch/ticket", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// The handshake's answer: its problem document (read with a plain GET, which the same check answers first), then
    /// what a real WebSocket client sees (401).
    private async Task<(HttpStatusCode Status, string? Code)> RefusedAsync(string query)
    {
        using var http = host.Http();
        var response = await http.GetAsync("/xapi2/ch?" + query);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(SocketClient.Patience);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(host.BaseUrl.Replace("http://", "ws://") + "/xapi2/ch?" + query), timeout.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        return (response.StatusCode, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["code"]);
    }

    [Fact]
    public async Task ATicketOpensTheSocketOnceAndActsAsItsToken()
    {
        var (_, pat) = await host.PatAsync("source:read");
        var answer = await TicketAsync(pat);
        var ticket = (string)answer["ticket"]!;
        Assert.Matches("^tkt_[0-9A-Za-z]{32}$", ticket);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime + SocketTickets.Lifetime, DateTime.Parse((string)answer["expires_at"]!).ToUniversalTime(), TimeSpan.FromSeconds(1));

        await using var socket = await SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket);
        Assert.Equal("result", (string)(await socket.RequestAsync(new { op = "list", id = "mine", dataType = "source" }, "mine"))["op"]!);
        var outside = await socket.RequestAsync(new { op = "list", id = "other", dataType = "candidate" }, "other");
        Assert.Equal("missing_scope", (string)outside["error"]!["code"]!); // the PAT's scopes, not more

        await using var db = host.App.Db();
        var stored = await db.SocketTickets.SingleAsync(t => t.Hash == PatFormat.Hash(ticket));
        Assert.Equal(PatFormat.Hash(pat), stored.PatHash); // only hashes: neither the ticket nor the token is kept
        Assert.NotNull(stored.UsedAt);
    }

    [Fact]
    public async Task ATicketMadeWithAJwtOpensTheSocketAsItsUser()
    {
        var ticket = (string)(await TicketAsync(await host.JwtAsync()))["ticket"]!;

        await using var socket = await SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket);

        Assert.Equal("result", (string)(await socket.RequestAsync(new { op = "list", id = "all", dataType = "candidate" }, "all"))["op"]!);
    }

    public static TheoryData<string, string> BadTickets => new()
    {
        { "reused", "ticket_used" },
        { "expired", "ticket_expired" },
        { "unknown", "invalid_ticket" },
        { "malformed", "invalid_ticket" },
        { "token revoked", "token_revoked" },
        { "token in the ticket's place", "invalid_ticket" },
    };

    [Theory]
    [MemberData(nameof(BadTickets))]
    public async Task ABadTicketIsRefusedAtTheHandshake(string @case, string code)
    {
        var (tokenId, pat) = await host.PatAsync("source:read");
        var ticket = (string)(await TicketAsync(pat))["ticket"]!;
        switch (@case)
        {
            case "reused":
                await using (var first = await SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket))
                    Assert.Equal("pong", (string)(await first.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]!);
                break;
            case "expired":
                host.Clock.Advance(SocketTickets.Lifetime + TimeSpan.FromSeconds(1));
                break;
            case "unknown": ticket = "tkt_" + new string('A', 32); break;
            case "malformed": ticket = "tkt_not-a-ticket"; break;
            case "token revoked":
                using (var admin = host.Http(await host.JwtAsync())) (await admin.DeleteAsync($"/xapi2/tokens/{tokenId}")).EnsureSuccessStatusCode();
                break;
            case "token in the ticket's place": ticket = pat; break;
        }

        Assert.Equal((HttpStatusCode.Unauthorized, code), await RefusedAsync("ticket=" + Uri.EscapeDataString(ticket)));
    }

    [Fact]
    public async Task ATicketNeedsABearerHeader()
    {
        var (_, pat) = await host.PatAsync("source:read");
        using var http = host.Http();

        var none = await http.PostAsync("/xapi2/ch/ticket", null);
        var inQuery = await http.PostAsync("/xapi2/ch/ticket?token=" + pat, null); // the token stays out of URLs here

        foreach (var response in new[] { none, inQuery })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("unauthorized", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
        }
        await using var db = host.App.Db();
        Assert.False(await db.SocketTickets.AnyAsync(t => t.PatHash == PatFormat.Hash(pat)));
    }

    [Fact]
    public async Task RevokingTheTokenClosesTheSocketItsTicketOpened()
    {
        var (tokenId, pat) = await host.PatAsync("source:read");
        await using var socket = await SocketClient.ConnectWithTicketAsync(host.BaseUrl, (string)(await TicketAsync(pat))["ticket"]!);
        await socket.SubscribeAsync("s", "source");

        using var admin = host.Http(await host.JwtAsync());
        (await admin.DeleteAsync($"/xapi2/tokens/{tokenId}")).EnsureSuccessStatusCode();

        await socket.WaitClosedAsync();
        Assert.StartsWith("token_revoked", socket.CloseReason);
    }

    [Fact]
    public async Task AnExpiredJwtIsToldSoOnRestAtTheHandshakeAndOnAnOpenSocket()
    {
        var jwt = await host.JwtAsync();
        await using var socket = await host.ConnectAsync(jwt);
        await socket.SubscribeAsync("s", "source");

        host.Clock.Advance(JwtTokens.Lifetime + TimeSpan.FromSeconds(1));

        await socket.WaitClosedAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.StartsWith("token_expired", socket.CloseReason);
        Assert.Equal((HttpStatusCode.Unauthorized, "token_expired"), await RefusedAsync("token=" + jwt));
        using var rest = host.Http(jwt);
        var response = await rest.GetAsync("/xapi2/data/source");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("token_expired", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
        var forged = jwt[..^4] + (jwt[^4..] == "AAAA" ? "BBBB" : "AAAA");
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_token"), await RefusedAsync("token=" + forged)); // a forgery is not "expired"
    }
}
