using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using UglyToad.PdfPig;

namespace Ats.Tests.Api;

/// Offers over the API: the same transitions as in the app, and the same letter as PDF.
public sealed class OfferApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(HttpClient Client, string OfferId)> DraftOfferAsync(string token)
    {
        var client = api.Client(token);
        var job = await (await client.PostAsJsonAsync("/xapi2/data/job", new { title = "Fachinformatikerin", status = "open" })).Content.ReadFromJsonAsync<JsonObject>();
        var candidate = await (await client.PostAsJsonAsync("/xapi2/data/candidate",
            new { first_name = "Björn", last_name = "Öztürk", email = $"bjoern-{Guid.NewGuid():N}@example.com", language = "de" })).Content.ReadFromJsonAsync<JsonObject>();
        var application = await (await client.PostAsJsonAsync("/xapi2/data/application",
            new { candidate_id = (string)candidate!["id"]!, job_id = (string)job!["id"]!, stage = "offer" })).Content.ReadFromJsonAsync<JsonObject>();
        var offer = await client.PostAsJsonAsync("/xapi2/data/offer", new { application_id = (string)application!["id"]!, gross_salary = 65000.00m, start_date = "2027-03-01" });
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        return (client, (string)(await offer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    [Fact]
    public async Task TheLetterDownloadsAsPdfWithTheCandidateAndTheSalary()
    {
        var (client, offerId) = await DraftOfferAsync(await api.JwtAsync());

        var response = await client.GetAsync($"/xapi2/data/offer/{offerId}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Björn Öztürk", text);
        Assert.Contains("65.000,00 €", text);
    }

    [Fact]
    public async Task AForbiddenTransitionIsAClearErrorAndChangesNothing()
    {
        var (client, offerId) = await DraftOfferAsync(await api.JwtAsync());

        var accepted = await client.PatchAsJsonAsync($"/xapi2/data/offer/{offerId}", new { status = "accepted" });
        var problem = await accepted.Content.ReadFromJsonAsync<JsonObject>();
        var stored = await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/offer/{offerId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, accepted.StatusCode);
        Assert.Contains("draft", problem!["errors"]!["status"]![0]!.GetValue<string>());
        Assert.Equal("draft", (string)stored!["status"]!);
    }

    [Theory]
    [InlineData("offer:write")]   // no read scope
    [InlineData("job:read")]
    [InlineData("offer:read")]    // the letter names where the candidate lives
    public async Task TheLetterNeedsTheOfferAndCandidateReadScopes(string scope)
    {
        var (_, offerId) = await DraftOfferAsync(await api.JwtAsync());
        var (_, token) = await api.PatAsync(scope);

        var response = await api.Client(token).GetAsync($"/xapi2/data/offer/{offerId}/pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (_, both) = await api.PatAsync("offer:read", "candidate:read");
        Assert.Equal(HttpStatusCode.OK, (await api.Client(both).GetAsync($"/xapi2/data/offer/{offerId}/pdf")).StatusCode);
    }

    [Fact]
    public async Task AHiringManagerGetsNoSalaryAndNoLetter()
    {
        var (_, offerId) = await DraftOfferAsync(await api.JwtAsync());
        var manager = api.Client(await api.JwtAsync(DemoSeeder.ManagerEmail));

        var read = await manager.GetAsync($"/xapi2/data/offer/{offerId}");
        var letter = await manager.GetAsync($"/xapi2/data/offer/{offerId}/pdf");

        // Not on that job's team: the offer is not theirs to see at all.
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, letter.StatusCode));
    }
}
