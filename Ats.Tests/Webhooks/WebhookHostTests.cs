using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Candidates;
using Ats.Domain.Demo;
using Ats.Domain.Webhooks;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Webhooks;

/// The whole app on a SQLite file, with the worker switched off so the test decides when a pass runs.
public sealed class WebhookHostTests() : HostTest(seedDemoData: true, new Dictionary<string, string>
{
    ["Ats:Webhooks:AllowPrivateTargets"] = "true",
    ["Ats:Webhooks:RunWorker"] = "false",
})
{
    private Task<HttpClient> AdminAsync() => App.AdminApiClientAsync();

    private static async Task<string> EndpointAsync(HttpClient admin, WebhookReceiver receiver)
    {
        var response = await admin.PostAsJsonAsync("/xapi2/webhooks", new { url = receiver.Url, events = new[] { "candidate.created" } });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!;
    }

    private Task<int> PassAsync() => App.Services.GetRequiredService<WebhookDispatcher>().SendDueAsync();

    [Fact]
    public async Task ADeliveryCommittedBeforeTheProcessStoppedIsMadeAfterTheRestart()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var admin = await AdminAsync();
        var secret = await EndpointAsync(admin, receiver);
        var write = await admin.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "Ada", email = "ada.restart@example.com" });
        write.EnsureSuccessStatusCode();

        await RestartAsync(); // the process "dies" after the commit, before any send
        Assert.Empty(receiver.Received);
        Assert.Equal(1, await PassAsync());

        var request = Assert.Single(receiver.Received);
        Assert.True(DocsVerifier.Verify(secret, request.Headers, request.Body, DateTimeOffset.UtcNow));
        Assert.Equal("ada.restart@example.com", (string)JsonNode.Parse(request.Body)!["data"]!["email"]!);
        Assert.Equal(0, await PassAsync());
    }

    [Fact]
    public async Task WritesFromTheAppAndTheApiBothProduceDeliveries()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var admin = await AdminAsync();
        await EndpointAsync(admin, receiver);
        (await admin.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "Api", email = "api.write@example.com" })).EnsureSuccessStatusCode();
        await using (var db = App.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
            var ui = new Actor(user.Id, user.TenantId, "admin", user.DisplayName, Channel.Ui); // as the candidate form acts
            await App.Services.GetRequiredService<RecordService>().CreateAsync(ui, new Candidate { FirstName = "Ui", Email = "ui.write@example.com" });
        }

        Assert.Equal(2, await PassAsync());

        Assert.Equal(["Api", "Ui"], receiver.Received.Select(r => (string)JsonNode.Parse(r.Body)!["data"]!["first_name"]!).Order());
    }

    /// The samples in docs/webhooks.md, run by their own interpreters against a real delivery.
    [Theory]
    [InlineData("python", "python3", "import json, sys\nexec(open(sys.argv[1]).read())\nd = json.load(open(sys.argv[2]))\nprint(verify(d['secret'], d['headers'], d['body'].encode()), verify(d['secret'], d['headers'], (d['body'] + ' ').encode()))\n")]
    [InlineData("js", "node", "const fs = require('fs');\nconst { verify } = require(process.argv[2]);\nconst d = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));\nconsole.log(verify(d.secret, d.headers, d.body) ? 'True' : 'False', verify(d.secret, d.headers, d.body + ' ') ? 'True' : 'False');\n")]
    public async Task TheDocumentedVerifiersAcceptARealDeliveryAndRefuseAChangedBody(string language, string interpreter, string harness)
    {
        if (Which(interpreter) is not { } program) return; // not installed here: nothing to run
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var admin = await AdminAsync();
        var secret = await EndpointAsync(admin, receiver);
        (await admin.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "Zoë", email = "zoe.docs@example.com" })).EnsureSuccessStatusCode();
        await PassAsync();
        var request = Assert.Single(receiver.Received);

        var folder = Directory.CreateTempSubdirectory("ats-webhook-docs").FullName;
        try
        {
            var docs = File.ReadAllText(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../docs/webhooks.md")));
            var start = docs.IndexOf($"```{language}\n", StringComparison.Ordinal) + language.Length + 4;
            var sample = Path.Combine(folder, language == "js" ? "verify.js" : "verify.py");
            File.WriteAllText(sample, docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)]);
            File.WriteAllText(Path.Combine(folder, "harness"), harness);
            File.WriteAllText(Path.Combine(folder, "delivery.json"), new JsonObject
            {
                ["secret"] = secret,
                ["headers"] = new JsonObject(request.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
                ["body"] = request.Body,
            }.ToJsonString());

            var run = Process.Start(new ProcessStartInfo(program, [Path.Combine(folder, "harness"), sample, Path.Combine(folder, "delivery.json")])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await run.StandardOutput.ReadToEndAsync();
            var errors = await run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync();
            Assert.True(run.ExitCode == 0, errors);
            Assert.Equal("True False", output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, program)).FirstOrDefault(File.Exists);
}

/// The real background worker: woken by the commit, it delivers without the test running a pass.
public sealed class WebhookWorkerTests() : HostTest(seedDemoData: true, new Dictionary<string, string> { ["Ats:Webhooks:AllowPrivateTargets"] = "true" })
{
    [Fact]
    public async Task TheWorkerDeliversAChangeRightAfterItsCommit()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using (var db = App.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
            var admin = new Actor(user.Id, user.TenantId, "admin", user.DisplayName, Channel.Ui);
            await App.Services.GetRequiredService<WebhookService>().CreateAsync(admin, receiver.Url, ["candidate.created"], null);
            await App.Services.GetRequiredService<RecordService>().CreateAsync(admin, new Candidate { FirstName = "Live", Email = "live@example.com" });
        }

        // Waits for the outcome (the poll alone would take 5 s; the wake-up makes it immediate); the limit only guards a hang.
        var request = await receiver.Next.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("candidate.created", (string)JsonNode.Parse(request.Body)!["type"]!);
    }
}
