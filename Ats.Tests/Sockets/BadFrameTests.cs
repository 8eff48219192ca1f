using System.Net.WebSockets;
using System.Text;

namespace Ats.Tests.Sockets;

/// Whatever a client sends, it gets an error frame with a problem document, nothing changes, and the socket stays
/// usable; only a frame over the size limit closes it, with a reason.
public sealed class BadFrameTests(ChannelFixture host) : IClassFixture<ChannelFixture>
{
    public static TheoryData<string, string, int, string> Frames => new()
    {
        { "not JSON", "{op:", 400, "invalid_json" },
        { "a JSON array", "[1,2]", 400, "invalid_frame" },
        { "a JSON string", "\"subscribe\"", 400, "invalid_frame" },
        { "no op", """{"id":"r1"}""", 400, "missing_op" },
        { "op not a string", """{"op":7,"id":"r1"}""", 400, "missing_op" },
        { "unknown op", """{"op":"drop","id":"r1"}""", 400, "unknown_op" },
        { "subscribe without id", """{"op":"subscribe","dataType":"job"}""", 400, "missing_id" },
        { "id too long", $$"""{"op":"get","id":"{{new string('x', 65)}}","dataType":"job","recordId":"{{Guid.NewGuid()}}"}""", 400, "invalid_member" },
        { "subscribe without dataType", """{"op":"subscribe","id":"r1"}""", 400, "missing_member" },
        { "unknown dataType", """{"op":"subscribe","id":"r1","dataType":"salary"}""", 404, "unknown_model" },
        { "filter on an unknown field", """{"op":"subscribe","id":"r1","dataType":"application","filter":{"colour":"red"}}""", 400, "invalid_filter" },
        { "filter on a field that is not filterable", """{"op":"subscribe","id":"r1","dataType":"candidate","filter":{"first_name":"Ada"}}""", 400, "invalid_filter" },
        { "filter on a list parameter", """{"op":"subscribe","id":"r1","dataType":"application","filter":{"limit":5}}""", 400, "invalid_filter" },
        { "filter not an object", """{"op":"subscribe","id":"r1","dataType":"application","filter":"job_id=1"}""", 400, "invalid_member" },
        { "filter value of the wrong type", """{"op":"subscribe","id":"r1","dataType":"application","filter":{"job_id":"not-a-uuid"}}""", 400, "invalid_filter" },
        { "filter value not a known state", """{"op":"subscribe","id":"r1","dataType":"application","filter":{"stage":"nowhere"}}""", 400, "invalid_filter" },
        { "filter value a number for a flag", """{"op":"subscribe","id":"r1","dataType":"task","filter":{"completed":1}}""", 400, "invalid_filter" },
        { "filter value a nested object", """{"op":"subscribe","id":"r1","dataType":"application","filter":{"stage":{"in":["offer"]}}}""", 400, "invalid_filter" },
        { "since not an event id", """{"op":"subscribe","id":"r1","dataType":"job","since":"yesterday"}""", 400, "invalid_since" },
        { "an unknown member", """{"op":"subscribe","id":"r1","dataType":"job","sinec":"1"}""", 400, "unknown_member" },
        { "unsubscribe of nothing", """{"op":"unsubscribe","id":"nope"}""", 404, "unknown_subscription" },
        { "get without recordId", """{"op":"get","id":"r1","dataType":"job"}""", 400, "missing_member" },
        { "get with a bad recordId", """{"op":"get","id":"r1","dataType":"job","recordId":"42"}""", 400, "invalid_id" },
        { "get of a row that does not exist", $$"""{"op":"get","id":"r1","dataType":"job","recordId":"{{Guid.NewGuid()}}"}""", 404, "not_found" },
        { "create without data", """{"op":"create","id":"r1","dataType":"source"}""", 400, "missing_member" },
        { "create with data not an object", """{"op":"create","id":"r1","dataType":"source","data":[1]}""", 400, "invalid_member" },
        { "create with an unknown field", """{"op":"create","id":"r1","dataType":"source","data":{"name":"X","kind":"other","colour":"red"}}""", 400, "unknown_field" },
        { "create with a wrong type", """{"op":"create","id":"r1","dataType":"source","data":{"name":5,"kind":"other"}}""", 400, "invalid_type" },
        { "create missing a required field", """{"op":"create","id":"r1","dataType":"source","data":{"name":"X"}}""", 400, "missing_field" },
        { "update with version 0", $$$"""{"op":"update","id":"r1","dataType":"source","recordId":"{{{Guid.NewGuid()}}}","version":0,"data":{}}""", 400, "invalid_member" },
        { "list with an unknown parameter", """{"op":"list","id":"r1","dataType":"job","query":{"colour":"red"}}""", 400, "unknown_parameter" },
        { "list with a limit too large", """{"op":"list","id":"r1","dataType":"job","query":{"limit":100000}}""", 400, "invalid_parameter" },
        { "list with a nested query value", """{"op":"list","id":"r1","dataType":"job","query":{"status":{"a":1}}}""", 400, "invalid_member" },
        { "a member given twice", """{"op":"ping","op":"ping","id":"r1"}""", 400, "invalid_json" },
        { "too deeply nested", "{\"op\":\"ping\",\"x\":" + new string('[', 40) + new string(']', 40) + "}", 400, "invalid_json" },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task ABadFrameGetsAnErrorFrameAndTheSocketStaysUsable(string why, string frame, int status, string code)
    {
        var token = await host.JwtAsync();
        await using var socket = await host.ConnectAsync(token);
        var sources = await CountSourcesAsync();

        await socket.SendTextAsync(frame);
        var error = await socket.ReceiveAsync();

        Assert.True(error is not null, why);
        Assert.Equal(("error", status, code), ((string)error["op"]!, (int)error["error"]!["status"]!, (string)error["error"]!["code"]!));
        Assert.False(string.IsNullOrEmpty((string?)error["error"]!["detail"]), why);
        Assert.False(string.IsNullOrEmpty((string?)error["error"]!["trace_id"]), why);
        var pong = await socket.RequestAsync(new { op = "ping", id = "p" }, "p");
        Assert.Equal("pong", (string)pong["op"]!);
        Assert.Equal(sources, await CountSourcesAsync());
    }

    [Fact]
    public async Task ABinaryFrameGetsAnErrorFrame()
    {
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        await socket.SendBinaryAsync([1, 2, 3]);
        var error = await socket.ReceiveAsync();
        Assert.Equal("binary_frame", (string)error!["error"]!["code"]!);
        Assert.Equal("pong", (string)(await socket.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]!);
    }

    [Fact]
    public async Task ASecondSubscriptionWithTheSameIdIsRefused()
    {
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        await socket.SubscribeAsync("s", "job");
        var again = await socket.RequestAsync(new { op = "subscribe", id = "s", dataType = "candidate" }, "s");
        Assert.Equal((409, "duplicate_subscription"), ((int)again["error"]!["status"]!, (string)again["error"]!["code"]!));
        var gone = await socket.RequestAsync(new { op = "unsubscribe", id = "s" }, "s");
        Assert.Equal("unsubscribed", (string)gone["op"]!);
    }

    [Fact]
    public async Task AFrameOverTheSizeLimitClosesTheSocketWithAReason()
    {
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        var huge = "{\"op\":\"create\",\"id\":\"big\",\"dataType\":\"source\",\"data\":{\"name\":\"" + new string('a', 300 * 1024) + "\"}}";

        await socket.SendTextAsync(huge);
        await socket.WaitClosedAsync();

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        Assert.StartsWith("frame_too_large", socket.CloseReason);
        Assert.True(Encoding.UTF8.GetByteCount(socket.CloseReason!) <= 123);
    }

    private async Task<int> CountSourcesAsync()
    {
        await using var db = host.App.Db();
        return await db.Sources.IgnoreQueryFilters().CountAsync();
    }
}
