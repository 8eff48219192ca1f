using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Offers;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Api;

/// A PATCH that sets a field with an intent is handed to the model's use cases; one that does not is saved as it is.
public sealed class UpdateRouteTests : IAsyncLifetime
{
    /// Counts the updates handed to the offer's use cases, and passes them on.
    private sealed class Recording(IUpdateRoute<Offer> inner) : IUpdateRoute<Offer>
    {
        public int Calls;
        public IReadOnlySet<string> Fields => inner.Fields;

        public Task<Offer> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<Offer> apply, bool confirmed, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return inner.UpdateAsync(actor, id, expectedVersion, apply, confirmed, ct);
        }
    }

    private readonly string _path = AppFactory.NewDatabasePath();
    private Recording _route = default!;
    private AppFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(_path, services: s => s.AddSingleton<IUpdateRoute<Offer>>(sp => _route = new Recording(sp.GetRequiredService<OfferActions>())));
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        AppFactory.DeleteDatabase(_path);
    }

    [Fact]
    public async Task APatchOfAnOffersStatusGoesThroughTheOfferUseCasesAndOneOfItsTermsDoesNot()
    {
        var client = await _app.AdminApiClientAsync();
        var job = await (await client.PostAsJsonAsync("/xapi2/data/job", new { title = "Fachinformatikerin", status = "open" })).Content.ReadFromJsonAsync<JsonObject>();
        var candidate = await (await client.PostAsJsonAsync("/xapi2/data/candidate",
            new { first_name = "Björn", email = $"bjoern-{Guid.NewGuid():N}@example.com" })).Content.ReadFromJsonAsync<JsonObject>();
        var application = await (await client.PostAsJsonAsync("/xapi2/data/application",
            new { candidate_id = (string)candidate!["id"]!, job_id = (string)job!["id"]!, stage = "offer" })).Content.ReadFromJsonAsync<JsonObject>();
        var offer = await (await client.PostAsJsonAsync("/xapi2/data/offer",
            new { application_id = (string)application!["id"]!, gross_salary = 65000.00m, start_date = "2027-03-01" })).Content.ReadFromJsonAsync<JsonObject>();
        var url = $"/xapi2/data/offer/{(string)offer!["id"]!}";

        var terms = await client.PatchAsJsonAsync(url, new { bonus = 1000m });
        var callsAfterTerms = _route.Calls;
        var sent = await client.PatchAsJsonAsync(url, new { status = "sent" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (terms.StatusCode, sent.StatusCode));
        Assert.Equal((0, 1), (callsAfterTerms, _route.Calls));
    }
}
