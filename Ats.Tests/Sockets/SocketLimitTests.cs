using System.Net.WebSockets;

namespace Ats.Tests.Sockets;

/// Open sockets are counted per client address as well as per token: tokens of their own do not get around it.
public sealed class SocketLimitTests(SocketLimitTests.Host host) : IClassFixture<SocketLimitTests.Host>
{
    public sealed class Host : ChannelFixture
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Ats:Channel:MaxSocketsPerIp"] = "2" };
    }

    [Fact]
    public async Task AnAddressWithAllItsSocketsOpenIsRefusedWhateverTheTokenUntilOneCloses()
    {
        await using var first = await host.ConnectAsync(await host.JwtAsync());
        var second = await host.ConnectAsync(await host.JwtAsync());

        var refused = await Assert.ThrowsAsync<WebSocketException>(async () => await host.ConnectAsync(await host.JwtAsync()));
        Assert.Contains("429", refused.Message);
        Assert.Equal("pong", (string?)(await first.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]); // the open ones go on

        await second.DisposeAsync();
        var deadline = DateTime.UtcNow + SocketClient.Patience;
        while (true)
        {
            try
            {
                await using var third = await host.ConnectAsync(await host.JwtAsync());
                Assert.Equal(WebSocketState.Open, third.State);
                break;
            }
            catch (WebSocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50); // the server lets go of the closed socket's place a moment after the close
            }
        }
    }
}
