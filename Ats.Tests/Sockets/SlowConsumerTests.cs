using System.Net.WebSockets;
using Ats.Domain.Demo;
using Ats.Domain.Jobs;
using Ats.Domain.Writes;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Sockets;

/// A host whose sockets queue only a few frames, close a client that stops reading after 3 s, and wait long for a close to be answered.
public sealed class SmallQueueFixture : ChannelFixture
{
    protected override Dictionary<string, string> Settings => new()
    {
        ["Ats:Channel:QueueCapacity"] = "4",
        ["Ats:Channel:CloseGraceSeconds"] = "120",
        ["Ats:Channel:SlowClientSeconds"] = "3",
        ["Ats:Channel:KeepAliveSeconds"] = "600", // the client that does not read would otherwise be dropped for missing pongs
    };
}

public sealed class SlowConsumerTests(SmallQueueFixture host) : IClassFixture<SmallQueueFixture>
{
    [Fact]
    public async Task AClientThatDoesNotReadIsClosedWithAReasonAndOthersGetEveryEvent()
    {
        var token = await host.JwtAsync();
        await using var slow = await SocketClient.ConnectAsync(host.BaseUrl, token, tinyReceiveBuffer: true);
        await using var fast = await host.ConnectAsync(token);
        await slow.SubscribeAsync("jobs", "job");
        await fast.SubscribeAsync("jobs", "job");
        var (admin, jobId) = await AdminAndJobAsync();
        var records = host.App.Services.GetRequiredService<RecordService>();
        var hub = host.App.Services.GetRequiredService<Ats.Web.Api.Sockets.LiveEventHub>();

        // Writes of 50 kB rows go on until the server has given up on the client that never reads (bounded, to fail, not hang).
        // The reading client takes each event before the next write, so its queue never fills and no clock runs for it:
        // a loaded machine that pauses the test cannot make it look slow.
        var written = 0;
        while (hub.ConnectionCount > 1 && written < 20_000)
        {
            await records.UpdateAsync<Job>(admin, jobId, null, j => j.Description = new string((char)('a' + written % 26), 50_000));
            written++;
            await fast.EventAsync();
        }

        var events = 0;
        while (await slow.ReceiveAsync() is { } frame)
        {
            Assert.Equal("event", (string)frame["op"]!);
            events++;
        }
        Assert.True(events < written, $"{events} of {written} events reached the client that did not read");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, slow.CloseStatus);
        Assert.StartsWith("queue_overflow", slow.CloseReason);
    }

    private async Task<(Actor, Guid)> AdminAndJobAsync()
    {
        await using var db = host.App.Db();
        var admin = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
        var job = await db.Jobs.IgnoreQueryFilters().FirstAsync();
        return (new Actor(admin.Id, admin.TenantId, Ats.Domain.Identity.Roles.Admin, admin.DisplayName, Channel.Ui), job.Id);
    }
}
