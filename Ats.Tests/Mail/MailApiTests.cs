using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Tests.Support;

namespace Ats.Tests.Mail;

/// Over the API, a queued email message is sent by the app's outbox to the configured SMTP server; a draft is kept.
public sealed class MailApiTests : IAsyncLifetime
{
    private readonly SmtpServer _smtp = new();
    private readonly string _database = AppFactory.NewDatabasePath();
    private AppFactory _app = default!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = new AppFactory(_database, settings: new Dictionary<string, string>
        {
            ["Ats:Mail:From"] = "jobs@muster.example",
            ["Ats:Mail:Smtp:Host"] = "127.0.0.1",
            ["Ats:Mail:Smtp:Port"] = _smtp.Port.ToString(),
            ["Ats:Mail:Smtp:Security"] = "none",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        AppFactory.DeleteDatabase(_database);
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task AQueuedEmailCreatedOverTheApiReachesTheServerAndADraftDoesNot()
    {
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/xapi2/auth/token", new { email = Ats.Domain.Demo.DemoSeeder.RecruiterEmail, password = Ats.Domain.Demo.DemoSeeder.Password });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
        var candidate = (await (await client.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "Mia", email = "mia@example.com" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var draft = await client.PostAsJsonAsync("/xapi2/data/message", new { candidate_id = candidate, subject = "Draft", body = "Not yet", status = "draft" });
        var queued = await client.PostAsJsonAsync("/xapi2/data/message", new { candidate_id = candidate, subject = "Hello Mia", body = "Hi **Mia**", status = "queued" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (draft.StatusCode, queued.StatusCode));
        var id = (await queued.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        // The outbox runs in the background: wait for the message's state, with a generous limit.
        JsonObject? message = null;
        for (var i = 0; i < 300 && message?["status"]?.GetValue<string>() != "sent"; i++)
        {
            await Task.Delay(100);
            message = await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/message/{id}");
        }

        Assert.Equal("sent", message!["status"]!.GetValue<string>());
        var received = Assert.Single(_smtp.Received());
        Assert.Equal(("mia@example.com", "Hello Mia"), (received.To.Mailboxes.Single().Address, received.Subject));
    }
}
