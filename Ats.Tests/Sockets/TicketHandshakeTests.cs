using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace Ats.Tests.Sockets;

/// A ticket is spent only when its socket is accepted, and the socket counts under the token that made the ticket:
/// the same key as that token's REST requests and its ?token= sockets (open-socket cap and request budget alike).
public sealed class TicketHandshakeTests(TicketHandshakeTests.Host host) : IClassFixture<TicketHandshakeTests.Host>
{
    public sealed class Host : ChannelFixture
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Ats:Channel:MaxSocketsPerToken"] = "1" };
    }

    private async Task<string> TicketAsync(string token)
    {
        using var http = host.Http(token);
        var response = await http.PostAsync("/xapi2/ch/ticket", null);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["ticket"]!;
    }

    /// What the handshake's check says of the ticket now (a plain GET: the check answers before the upgrade).
    private async Task<string?> TicketStateAsync(string ticket)
    {
        using var http = host.Http();
        var response = await http.GetAsync("/xapi2/ch?ticket=" + ticket);
        return (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["code"];
    }

    [Fact]
    public async Task ASocketFromAJwtsTicketCountsUnderThatJwtAsItsOtherSocketsAndRestDo()
    {
        var jwt = await host.JwtAsync();
        var ticket = await TicketAsync(jwt);
        await using (var byToken = await host.ConnectAsync(jwt))
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket));
            Assert.Contains("429", refused.Message); // the JWT's one socket is open, whichever way the next one comes
            Assert.Equal("upgrade_required", await TicketStateAsync(ticket)); // refused, and not spent
        }

        await using var byTicket = await RetryUntilThePlaceIsFreeAsync(() => SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket));
        Assert.Equal("pong", (string?)(await byTicket.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]);
        var byTokenAgain = await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectAsync(jwt));
        Assert.Contains("429", byTokenAgain.Message);
        Assert.Equal("ticket_used", await TicketStateAsync(ticket));
    }

    [Fact]
    public async Task AHandshakeRefusedForItsOriginLeavesTheTicketForARetry()
    {
        var ticket = await TicketAsync(await host.JwtAsync());

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket, origin: "https://evil.example"));

        Assert.Contains("403", refused.Message);
        await using var socket = await SocketClient.ConnectWithTicketAsync(host.BaseUrl, ticket);
        Assert.Equal("pong", (string?)(await socket.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]);
        Assert.Equal("ticket_used", await TicketStateAsync(ticket)); // spent by the socket that was accepted
    }

    /// The server lets go of a closed socket's place a moment after the close.
    private static async Task<SocketClient> RetryUntilThePlaceIsFreeAsync(Func<Task<SocketClient>> connect)
    {
        var deadline = DateTime.UtcNow + SocketClient.Patience;
        while (true)
        {
            try
            {
                return await connect();
            }
            catch (WebSocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
