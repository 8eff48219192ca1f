using Microsoft.EntityFrameworkCore;

namespace Ats.Tests.Sockets;

/// The socket's CRUD frames share the write path with REST and the UI, so a template over the limits is refused here
/// too (see Mail/TemplateLimitTests for the whole table), and the socket keeps serving.
public sealed class TemplateSocketTests(ChannelFixture host) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task ATemplateLoopIsRefusedWithAnErrorFrameAndNothingIsStored()
    {
        await using var socket = await host.ConnectAsync(await host.JwtAsync());

        var refused = await socket.RequestAsync(new
        {
            op = "create", id = "t", dataType = "email_template",
            data = new { name = "Socket loop", subject = "Hi", body = "{% for i in (1..100000000) %}x{% endfor %}", stage = "screening" },
        }, "t");

        Assert.Equal(("error", 422, "validation_failed"), ((string)refused["op"]!, (int)refused["error"]!["status"]!, (string)refused["error"]!["code"]!));
        Assert.False(string.IsNullOrEmpty((string?)refused["error"]!["errors"]!["body"]![0]));
        await using (var db = host.App.Db())
            Assert.False(await db.EmailTemplates.IgnoreQueryFilters().AnyAsync(t => t.Name == "Socket loop"));
        await socket.SubscribeAsync("s", "job"); // still serving
    }
}
