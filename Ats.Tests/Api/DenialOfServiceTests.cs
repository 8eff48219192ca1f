using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Tests.Sockets;

namespace Ats.Tests.Api;

/// One caller must never stop or starve the process: each case pushes past a limit on one surface and gets a 4xx
/// (or an error frame) and changes nothing, and afterwards another client, with a token of its own, still gets answers.
public sealed class DenialOfServiceTests(DenialOfServiceTests.Host host) : IClassFixture<DenialOfServiceTests.Host>
{
    /// Small socket limits, so that pushing past them takes a few requests, not thousands.
    public sealed class Host : ChannelFixture
    {
        public const int SocketsPerToken = 3, RequestsPerToken = 40;

        protected override Dictionary<string, string> Settings => new(base.Settings)
        {
            ["Ats:Channel:MaxSocketsPerToken"] = SocketsPerToken.ToString(),
            ["Ats:RateLimits:PerTokenPerMinute"] = RequestsPerToken.ToString(),
        };

        /// A WebSocket upgrade request over plain HTTP, so that a refusal's problem document can be read.
        public async Task<HttpResponseMessage> UpgradeAsync(string token)
        {
            var client = Http(); // an accepted upgrade's connection belongs to the response; disposing that closes it
            var request = new HttpRequestMessage(HttpMethod.Get, "/xapi2/ch?token=" + Uri.EscapeDataString(token));
            request.Headers.Connection.Add("Upgrade");
            request.Headers.Upgrade.Add(new("websocket"));
            request.Headers.Add("Sec-WebSocket-Version", "13");
            request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode != HttpStatusCode.SwitchingProtocols) await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    /// What one case gets: the host, and a fresh token nobody else spends.
    public sealed record Attacker(Host Host, string Token);

    private static readonly Dictionary<string, Func<Attacker, Task>> Cases = new()
    {
        ["REST: thousands of values for one filter"] = a => ExpectProblemAsync(
            a.Get("/xapi2/data/application?stage=" + Repeat("new", 1500)), 400, "too_many_values", "100"),
        ["REST: 101 values for one filter"] = a => ExpectProblemAsync(
            a.Get("/xapi2/data/application?job_id=" + Repeat(Guid.Empty.ToString(), 101)), 400, "too_many_values", "100"),
        ["REST: four sort keys"] = a => ExpectProblemAsync(
            a.Get("/xapi2/data/application?sort=stage,-created_at,updated_at,fit_score"), 400, "too_many_sort_keys", "3"),
        ["REST: thousands of sort keys"] = a => ExpectProblemAsync(
            a.Get("/xapi2/data/application?sort=" + Repeat("stage", 1200)), 400, "too_many_sort_keys", "3"),
        ["REST: a query string longer than the server takes"] = async a =>
        {
            using var response = await a.Get("/xapi2/data/job?q=" + new string('x', 40_000));
            Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        },
        ["REST: a search text over 200 characters"] = a => ExpectProblemAsync(
            a.Get("/xapi2/data/candidate?q=" + new string('x', 201)), 400, "invalid_parameter", "200"),
        ["REST: deeply nested JSON"] = a => ExpectProblemAsync(
            a.Send(HttpMethod.Post, "/xapi2/data/source", """{"name":"Deep","kind":"other","x":""" + new string('[', 5000) + new string(']', 5000) + "}"),
            400, "invalid_json"),
        ["REST: an object with thousands of members"] = a => ExpectProblemAsync(
            a.Send(HttpMethod.Post, "/xapi2/data/source", Members(20_000)), 400, "too_many_members", "200"),
        ["REST: an array with thousands of items"] = a => ExpectProblemAsync(
            a.Send(HttpMethod.Post, "/xapi2/data/candidate",
                $$"""{"first_name":"Many","last_name":"Tags","email":"tags-{{Guid.NewGuid():N}}@example.com","tags":[{{Repeat("\"t\"", 20_000)}}]}"""),
            400, "too_many_items", "1000"),
        ["REST: POST larger than 256 KiB"] = a => ExpectTooLargeAsync(
            a.Send(HttpMethod.Post, "/xapi2/data/source", Oversized())),
        ["REST: POST larger than 256 KiB without a length"] = a => ExpectTooLargeAsync(
            a.Send(HttpMethod.Post, "/xapi2/data/source", Oversized(), chunked: true)),
        ["REST: PATCH larger than 256 KiB"] = a => ExpectTooLargeAsync(
            a.Send(HttpMethod.Patch, $"/xapi2/data/source/{Guid.NewGuid()}", Oversized())),
        ["REST: a sign-in body larger than 256 KiB"] = a => ExpectTooLargeAsync(
            a.Send(HttpMethod.Post, "/xapi2/auth/token", Oversized(), anonymous: true)),
        ["REST: a webhook body larger than 256 KiB"] = a => ExpectTooLargeAsync(
            a.Send(HttpMethod.Post, "/xapi2/webhooks", Oversized())),
        ["REST: a token body larger than 256 KiB"] = a => ExpectTooLargeAsync(
            a.Send(HttpMethod.Post, "/xapi2/tokens", Oversized())),
        ["Sign-in form: a post larger than 1 MiB"] = async a =>
        {
            using var client = a.Host.Http();
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.Email"] = "a@example.com", ["Input.Password"] = new string('p', 2 * 1024 * 1024),
            });
            await ExpectTooLargeAsync(client.PostAsync("/account/login", content));
        },
        ["Sign-in form: a post larger than 1 MiB without a length"] = async a =>
        {
            using var client = a.Host.Http();
            using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("_handler=login&Input.Password=" + new string('p', 2 * 1024 * 1024))));
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            await ExpectTooLargeAsync(client.SendAsync(request));
        },
        ["Sign-in form: thousands of fields"] = async a =>
        {
            using var client = a.Host.Http();
            using var content = new FormUrlEncodedContent(Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create($"f{i}", "x"))
                .Append(KeyValuePair.Create("_handler", "login")));
            await ExpectProblemAsync(client.PostAsync("/account/login", content), 400, "invalid_form");
        },
        ["Socket: a list with thousands of values for one filter"] = a => ExpectErrorFrameAsync(a,
            new { op = "list", id = "r", dataType = "application", query = new { stage = Repeat("new", 50_000) } }, 400, "too_many_values", "100"),
        ["Socket: a list with a filter array of thousands of values"] = a => ExpectErrorFrameAsync(a,
            new { op = "list", id = "r", dataType = "application", query = new { stage = Enumerable.Repeat("new", 20_000) } }, 400, "too_many_items", "1000"),
        ["Socket: a list with 101 values in an array"] = a => ExpectErrorFrameAsync(a,
            new { op = "list", id = "r", dataType = "application", query = new { stage = Enumerable.Repeat("new", 101) } }, 400, "too_many_values", "100"),
        ["Socket: a subscription filter with thousands of values"] = a => ExpectErrorFrameAsync(a,
            new { op = "subscribe", id = "r", dataType = "application", filter = new { stage = Repeat("new", 50_000) } }, 400, "too_many_values", "100"),
        ["Socket: a list with four sort keys"] = a => ExpectErrorFrameAsync(a,
            new { op = "list", id = "r", dataType = "application", query = new { sort = "stage,-created_at,updated_at,fit_score" } }, 400, "too_many_sort_keys", "3"),
        ["Socket: a list with thousands of sort keys"] = a => ExpectErrorFrameAsync(a,
            new { op = "list", id = "r", dataType = "application", query = new { sort = Repeat("stage", 30_000) } }, 400, "too_many_sort_keys", "3"),
        ["Socket: a list with a long search text"] = a => ExpectErrorFrameAsync(a,
            new { op = "list", id = "r", dataType = "candidate", query = new { q = new string('x', 100_000) } }, 400, "invalid_parameter", "200"),
        ["Socket: a deeply nested frame"] = a => ExpectErrorFrameAsync(a,
            """{"op":"ping","id":"r","x":""" + new string('[', 50_000) + new string(']', 50_000) + "}", 400, "invalid_json"),
        ["Socket: a frame with thousands of members"] = a => ExpectErrorFrameAsync(a,
            """{"op":"create","id":"r","dataType":"source","data":""" + Members(20_000) + "}", 400, "too_many_members", "200"),
        ["Socket: a frame with an array of thousands of items"] = a => ExpectErrorFrameAsync(a,
            """{"op":"create","id":"r","dataType":"candidate","data":{"first_name":"A","last_name":"B","email":"b@example.com","tags":[""" + Repeat("\"t\"", 20_000) + "]}}",
            400, "too_many_items", "1000"),
        ["Socket: a frame larger than 256 KiB"] = async a =>
        {
            await using var socket = await a.Host.ConnectAsync(a.Token);
            await socket.SendTextAsync("{\"op\":\"ping\",\"id\":\"r\",\"x\":\"" + new string('x', 300 * 1024) + "\"}");
            await socket.WaitClosedAsync();
            Assert.Equal((WebSocketCloseStatus.MessageTooBig, true), (socket.CloseStatus!.Value, socket.CloseReason!.StartsWith("frame_too_large")));
        },
        ["Socket: more sockets than a token may open"] = async a =>
        {
            var open = new List<SocketClient>();
            try
            {
                for (var i = 0; i < Host.SocketsPerToken; i++) open.Add(await a.Host.ConnectAsync(a.Token));
                await ExpectProblemAsync(a.Host.UpgradeAsync(a.Token), 429, "too_many_sockets", Host.SocketsPerToken.ToString());
                // Closing one frees its place.
                await open[0].DisposeAsync();
                open.RemoveAt(0);
                await WaitUntilAsync(async () =>
                {
                    using var upgrade = await a.Host.UpgradeAsync(a.Token);
                    return upgrade.StatusCode == HttpStatusCode.SwitchingProtocols;
                });
            }
            finally
            {
                foreach (var socket in open) await socket.DisposeAsync();
            }
        },
        ["Socket: a flood of requests"] = async a =>
        {
            await using var socket = await a.Host.ConnectAsync(a.Token);
            const int sent = Host.RequestsPerToken + 10;
            for (var i = 0; i < sent; i++) await socket.SendAsync(new { op = "ping", id = $"p{i}" });
            var answers = new List<JsonObject>();
            for (var i = 0; i < sent; i++) answers.Add(await socket.AnswerAsync($"p{i}"));
            var limited = answers.Where(f => (string?)f["op"] == "error").ToList();
            Assert.NotEmpty(limited);
            Assert.All(limited, f => Assert.Equal((429, "rate_limited"), ((int)f["error"]!["status"]!, (string)f["error"]!["code"]!)));
            Assert.All(limited, f => Assert.InRange((int)f["error"]!["retry_after"]!, 1, 60));
            // The same budget as REST: this token's HTTP requests are refused too, and the socket stays open.
            using var http = a.Host.Http(a.Token);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("/xapi2/data/job")).StatusCode);
            Assert.Equal(WebSocketState.Open, socket.State);
        },
        // A template is rendered when it is saved and on every move into its stage: each of these is refused on save.
        ["Template: a loop over a hundred million numbers"] = a => ExpectProblemAsync(
            a.Send(HttpMethod.Post, "/xapi2/data/email_template", Template("{% for i in (1..100000000) %}x{% endfor %}")), 422, "validation_failed"),
        ["Template: loops nested a million steps deep"] = a => ExpectProblemAsync(a.Send(HttpMethod.Post, "/xapi2/data/email_template",
            Template("{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}")), 422, "validation_failed"),
        ["Template: blocks nested thousands deep"] = a => ExpectProblemAsync(a.Send(HttpMethod.Post, "/xapi2/data/email_template",
            Template(Repeat("{%if 1%}", 2900, "") + Repeat("{%endif%}", 2900, ""))), 422, "validation_failed"),
        ["Template: output far over the largest mail"] = a => ExpectProblemAsync(a.Send(HttpMethod.Post, "/xapi2/data/email_template",
            Template("{% for i in (1..3000) %}" + new string('x', 100) + "{% endfor %}")), 422, "validation_failed"),
        ["Template: a chain of 11,000 filters"] = a => ExpectProblemAsync(a.Send(HttpMethod.Post, "/xapi2/data/email_template",
            Template("{{ 1" + Repeat("|abs", 11_000, "") + " }}")), 422, "validation_failed"),
        ["Template: an if with thousands of and"] = a => ExpectProblemAsync(a.Send(HttpMethod.Post, "/xapi2/data/email_template",
            Template("{% if true" + Repeat(" and true", 6000, "") + " %}x{% endif %}")), 422, "validation_failed"),
        ["Template: Markdown quotes nested past Markdig's limit"] = a => ExpectProblemAsync(a.Send(HttpMethod.Post, "/xapi2/data/email_template",
            Template(new string('>', 140) + "hello")), 422, "validation_failed"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OneCallerIsRefusedAndEveryoneElseIsServed(string name)
    {
        var attacker = new Attacker(host, await host.JwtAsync());
        var audit = await AuditCountAsync();

        await Cases[name](attacker);

        Assert.Equal(audit, await AuditCountAsync());
        // Another client, with a token of its own, is answered over REST and over a socket.
        var other = await host.JwtAsync();
        using var http = host.Http(other);
        var jobs = await http.GetAsync("/xapi2/data/job?limit=1");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Single((await jobs.Content.ReadFromJsonAsync<JsonObject>())!["data"]!.AsArray());
        await using var socket = await host.ConnectAsync(other);
        var list = await socket.RequestAsync(new { op = "list", id = "l", dataType = "job", query = new { limit = 1 } }, "l");
        Assert.Equal("result", (string?)list["op"]);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = host.App.Db();
        return await db.AuditEntries.IgnoreQueryFilters().CountAsync();
    }

    private static string Repeat(string value, int count, string separator = ",") => string.Join(separator, Enumerable.Repeat(value, count));

    private static string Template(string body) => System.Text.Json.JsonSerializer.Serialize(
        new { name = $"Hostile {Guid.NewGuid():N}", subject = "Hi", body, stage = "screening" });

    private static string Members(int count) =>
        "{\"name\":\"Wide\",\"kind\":\"other\"," + string.Join(',', Enumerable.Range(0, count).Select(i => $"\"m{i}\":1")) + "}";

    private static string Oversized() => "{\"name\":\"Big\",\"kind\":\"other\",\"x\":\"" + new string('x', 300 * 1024) + "\"}";

    /// The server answers 413 as soon as the limit is passed and may close the connection while the client is still
    /// sending the rest (the kernel's buffers decide how much gets through first); then the client sees the refusal as
    /// a cut connection. Either way the body is never accepted.
    private static async Task ExpectTooLargeAsync(Task<HttpResponseMessage> sending)
    {
        try
        {
            await ExpectProblemAsync(sending, 413, "payload_too_large");
        }
        catch (HttpRequestException cut) when (cut.InnerException is IOException)
        {
        }
    }

    private static async Task ExpectProblemAsync(Task<HttpResponseMessage> sending, int status, string code, string? detailMentions = null)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(code, (string?)problem["code"]);
        if (detailMentions is not null) Assert.Contains(detailMentions, (string)problem["detail"]!);
    }

    private static Task ExpectErrorFrameAsync(Attacker a, object frame, int status, string code, string? detailMentions = null) =>
        ExpectErrorFrameAsync(a, System.Text.Json.JsonSerializer.Serialize(frame), status, code, detailMentions);

    private static async Task ExpectErrorFrameAsync(Attacker a, string frame, int status, string code, string? detailMentions = null)
    {
        Assert.True(Encoding.UTF8.GetByteCount(frame) <= 256 * 1024, "within the frame limit");
        await using var socket = await a.Host.ConnectAsync(a.Token);
        await socket.SendTextAsync(frame);
        var error = await socket.ReceiveAsync() ?? throw new InvalidOperationException($"Closed: {socket.CloseReason}");
        Assert.Equal(("error", status, code), ((string?)error["op"], (int)error["error"]!["status"]!, (string?)error["error"]!["code"]));
        if (detailMentions is not null) Assert.Contains(detailMentions, (string)error["error"]!["detail"]!);
        Assert.Equal("pong", (string?)(await socket.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]);
    }

    /// Bounded only so that a broken server fails the test instead of hanging it.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + SocketClient.Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(250); // each try spends one of the token's requests too
        }
    }
}

internal static class AttackerRequests
{
    public static Task<HttpResponseMessage> Get(this DenialOfServiceTests.Attacker a, string path) => a.Host.Http(a.Token).GetAsync(path);

    public static Task<HttpResponseMessage> Send(this DenialOfServiceTests.Attacker a, HttpMethod method, string path, string json,
        bool chunked = false, bool anonymous = false)
    {
        var content = new StringContent(json, Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        return a.Host.Http(anonymous ? null : a.Token).SendAsync(request);
    }
}
