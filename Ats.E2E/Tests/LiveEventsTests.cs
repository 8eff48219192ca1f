using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Domain.Candidates;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// An integrator's socket hears what a recruiter does in the browser, as it is saved.
[Collection(BrowserCollection.Name)]
public sealed class LiveEventsTests(BrowserFixture browser)
{
    [Fact]
    public async Task ANoteAddedInTheBrowserArrivesOnASubscribedSocket()
    {
        var recruiter = await browser.App.ActorAsync(DemoSeeder.RecruiterEmail, Roles.Recruiter);
        var candidate = await browser.App.Records().CreateAsync(recruiter,
            new Candidate { FirstName = "Lina", LastName = "Live", Email = $"lina-{Guid.NewGuid():N}@example.org" });
        using var socket = await SubscribeAsync("application_note");

        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.RecruiterEmail, DemoSeeder.Password);
        var profile = new ProfilePage(page);
        await profile.OpenAsync(candidate.Id);
        await profile.OpenTabAsync("Notes");
        await profile.AddNoteAsync("Called her: available from March");
        await Expect(profile.Note("available from March")).ToBeVisibleAsync();

        var frame = await ReceiveAsync(socket);
        Assert.Equal(("event", "application_note", "create"), ((string)frame["op"]!, (string)frame["dataType"]!, (string)frame["action"]!));
        Assert.Equal(("Called her: available from March", candidate.Id.ToString()),
            ((string)frame["data"]!["body"]!, (string)frame["data"]!["parent_id"]!));
    }

    private async Task<ClientWebSocket> SubscribeAsync(string dataType)
    {
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var login = await http.PostAsJsonAsync("/xapi2/auth/token", new { email = DemoSeeder.AdminEmail, password = DemoSeeder.Password });
        var token = (string)(await login.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(browser.BaseUrl.Replace("http://", "ws://") + "/xapi2/ch?token=" + token), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"op":"subscribe","id":"s","dataType":"{{dataType}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await ReceiveAsync(socket);
        Assert.True((string?)answer["op"] == "subscribed", answer.ToJsonString());
        return socket;
    }

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15)); // a bound on the wait, not the thing tested
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, patience.Token);
            message.Write(buffer, 0, received.Count);
        } while (!received.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }
}
