using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Candidates;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Writes;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Api;

/// A page's button and a generic update over the API (REST PATCH; the socket shares its operations) end in the same
/// named use case, with the same result.
public sealed class UseCaseRouteTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IServiceProvider Services => api.App.Services;
    private RecordService Records => Services.GetRequiredService<RecordService>();

    [Fact]
    public void TheGenericUpdatesOfOffersInterviewsScorecardsAndMessagesAreRoutedToTheirUseCases()
    {
        Assert.Same(Services.GetRequiredService<OfferActions>(), Services.GetRequiredService<IUpdateRoute<Offer>>());
        Assert.Same(Services.GetRequiredService<InterviewActions>(), Services.GetRequiredService<IUpdateRoute<Interview>>());
        Assert.Same(Services.GetRequiredService<ScorecardActions>(), Services.GetRequiredService<IUpdateRoute<Scorecard>>());
        Assert.Same(Services.GetRequiredService<MessageActions>(), Services.GetRequiredService<IUpdateRoute<Message>>());
    }

    [Fact]
    public async Task SendingAnOfferQueuesTheSameLetterFromThePanelAndFromAPatch()
    {
        var (actor, client, job) = await SetUpAsync();
        var viaPanel = await DraftOfferAsync(actor, await ApplicationAsync(actor, job, Stage.Offer));
        var viaApi = await DraftOfferAsync(actor, await ApplicationAsync(actor, job, Stage.Offer));

        var sent = await Services.GetRequiredService<OfferActions>().SendAsync(actor, viaPanel.Id, viaPanel.Version);
        var patched = await client.PatchAsJsonAsync($"/xapi2/data/offer/{viaApi.Id}", new { status = "sent" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var json = (await patched.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((OfferStatus.Sent, "sent"), (sent.Status, (string)json["status"]!));
        Assert.NotNull(sent.SentAt);
        Assert.NotNull((string?)json["sent_at"]);
        var (panelLetter, apiLetter) = (await LettersAsync(viaPanel.Id), await LettersAsync(viaApi.Id));
        Assert.Equal($"Ihr Angebot: {job.Title}", Assert.Single(panelLetter));
        Assert.Equal(panelLetter, apiLetter);
    }

    [Fact]
    public async Task AnAnswerIsRecordedAlikeFromThePanelAndFromAPatch()
    {
        var (actor, client, job) = await SetUpAsync();
        var offers = Services.GetRequiredService<OfferActions>();
        var viaPanel = await DraftOfferAsync(actor, await ApplicationAsync(actor, job, Stage.Offer));
        var viaApi = await DraftOfferAsync(actor, await ApplicationAsync(actor, job, Stage.Offer));
        viaPanel = await offers.SendAsync(actor, viaPanel.Id, null);
        await offers.SendAsync(actor, viaApi.Id, null);

        var accepted = await offers.RecordAnswerAsync(actor, viaPanel.Id, viaPanel.Version, accepted: true);
        var json = await (await client.PatchAsJsonAsync($"/xapi2/data/offer/{viaApi.Id}", new { status = "accepted" })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal((OfferStatus.Accepted, "accepted"), (accepted.Status, (string)json!["status"]!));
        Assert.NotNull(accepted.RespondedAt);
        Assert.NotNull((string?)json["responded_at"]);
    }

    [Fact]
    public async Task CancellingAnInterviewMailsTheSameCancellationsFromTheListAndFromAPatch()
    {
        var (actor, client, job) = await SetUpAsync();
        var interviews = Services.GetRequiredService<InterviewActions>();
        var viaList = await interviews.ScheduleAsync(actor, NewInterview(actor, await ApplicationAsync(actor, job, Stage.Interview)));
        var viaApi = await interviews.ScheduleAsync(actor, NewInterview(actor, await ApplicationAsync(actor, job, Stage.Interview)));

        var cancelled = await interviews.CancelAsync(actor, viaList.Id, viaList.Version);
        var json = await (await client.PatchAsJsonAsync($"/xapi2/data/interview/{viaApi.Id}", new { status = "cancelled" })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal((InterviewStatus.Cancelled, "cancelled"), (cancelled.Status, (string)json!["status"]!));
        var (listMails, apiMails) = (await CancellationsAsync(viaList.Id), await CancellationsAsync(viaApi.Id));
        Assert.Equal(2, listMails); // the candidate and the interviewer
        Assert.Equal(listMails, apiMails);
    }

    [Fact]
    public async Task ARescheduleFromTheDialogAndFromAPatchSendsTheSameUpdate()
    {
        var (actor, client, job) = await SetUpAsync();
        var interviews = Services.GetRequiredService<InterviewActions>();
        var viaDialog = await interviews.ScheduleAsync(actor, NewInterview(actor, await ApplicationAsync(actor, job, Stage.Interview)));
        var viaApi = await interviews.ScheduleAsync(actor, NewInterview(actor, await ApplicationAsync(actor, job, Stage.Interview)));
        var later = viaDialog.StartsAt.AddHours(2);

        var moved = await interviews.RescheduleAsync(actor, viaDialog.Id, viaDialog.Version, i => i.StartsAt = later);
        var patched = await client.PatchAsJsonAsync($"/xapi2/data/interview/{viaApi.Id}", new { starts_at = later });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await using var db = api.App.Db(actor.TenantId);
        var stored = await db.Interviews.AsNoTracking().SingleAsync(i => i.Id == viaApi.Id);
        Assert.Equal((1, later), (moved.Sequence, moved.StartsAt));
        Assert.Equal((moved.Sequence, moved.StartsAt), (stored.Sequence, stored.StartsAt));
        Assert.Equal(await db.Messages.CountAsync(m => m.InterviewId == viaDialog.Id), await db.Messages.CountAsync(m => m.InterviewId == viaApi.Id));
    }

    [Fact]
    public async Task SubmittingAScorecardStampsTheServersTimeFromTheFormAndFromAPatch()
    {
        var (actor, client, job) = await SetUpAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);
        var fromForm = await Services.GetRequiredService<ScorecardActions>().SubmitAsync(actor, (await ApplicationAsync(actor, job, Stage.Interview)).Id, null, Rate);
        var draft = await client.PostAsJsonAsync("/xapi2/data/evaluation", new
        {
            application_id = (await ApplicationAsync(actor, job, Stage.Interview)).Id, recommendation = "yes", skills = 4, culture = 4, communication = 4,
        });
        var id = (string)(await draft.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var json = await (await client.PatchAsJsonAsync($"/xapi2/data/evaluation/{id}", new { submitted_at = "2000-01-01T00:00:00Z" }))
            .Content.ReadFromJsonAsync<JsonObject>();

        Assert.InRange(fromForm.SubmittedAt!.Value, before, DateTime.UtcNow);
        Assert.InRange(json!["submitted_at"]!.GetValue<DateTime>().ToUniversalTime(), before, DateTime.UtcNow);
    }

    [Fact]
    public async Task SendingADraftQueuesItAlikeFromTheDialogAndFromAPatch()
    {
        var (actor, client, job) = await SetUpAsync();
        var viaDialog = await DraftMailAsync(actor, await ApplicationAsync(actor, job, Stage.Screening));
        var viaApi = await DraftMailAsync(actor, await ApplicationAsync(actor, job, Stage.Screening));

        var queued = await Services.GetRequiredService<MessageActions>().SendDraftAsync(actor, viaDialog.Id, viaDialog.Version, m => m.Body = "Hallo!");
        var json = await (await client.PatchAsJsonAsync($"/xapi2/data/message/{viaApi.Id}", new { status = "queued", body = "Hallo!" }))
            .Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal((MessageStatus.Queued, "Hallo!"), (queued.Status, queued.Body));
        Assert.Equal(("queued", "Hallo!"), ((string)json!["status"]!, (string)json["body"]!));
    }

    private static void Rate(Scorecard e) => (e.Skills, e.Culture, e.Communication, e.Recommendation) = (4, 4, 4, Recommendation.Yes);

    private async Task<(Actor Actor, HttpClient Client, Job Job)> SetUpAsync()
    {
        AppUser admin;
        await using (var db = api.App.Db())
            admin = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
        var actor = new Actor(admin.Id, admin.TenantId, Roles.Admin, admin.DisplayName, Channel.Ui);
        var job = await Records.CreateAsync(actor, new Job { Title = $"Werkstudentin {Guid.NewGuid():N}"[..24] });
        return (actor, api.Client(await api.JwtAsync()), job);
    }

    private async Task<Application> ApplicationAsync(Actor actor, Job job, Stage stage)
    {
        var candidate = await Records.CreateAsync(actor, new Candidate
        {
            FirstName = "Jürgen", LastName = "Weiß", Email = $"juergen-{Guid.NewGuid():N}@example.com", Language = "de",
        });
        return await Records.CreateAsync(actor, new Application { CandidateId = candidate.Id, JobId = job.Id, Stage = stage });
    }

    private Task<Offer> DraftOfferAsync(Actor actor, Application application) =>
        Records.CreateAsync(actor, new Offer { ApplicationId = application.Id, GrossSalary = 65_000m, StartDate = new DateOnly(2027, 3, 1) });

    private Task<Message> DraftMailAsync(Actor actor, Application application) =>
        Records.CreateAsync(actor, new Message { CandidateId = application.CandidateId, ApplicationId = application.Id, Subject = "Termin", Body = "Entwurf" });

    private static Interview NewInterview(Actor actor, Application application) => new()
    {
        ApplicationId = application.Id, Kind = InterviewKind.Video, StartsAt = DateTime.UtcNow.Date.AddDays(7).AddHours(9), DurationMinutes = 60,
        InterviewerIds = [actor.UserId!.Value],
    };

    private async Task<List<string?>> LettersAsync(Guid offerId)
    {
        await using var db = api.App.Db();
        return await db.Messages.IgnoreQueryFilters().Where(m => m.OfferId == offerId).Select(m => m.Subject).ToListAsync();
    }

    private async Task<int> CancellationsAsync(Guid interviewId)
    {
        await using var db = api.App.Db();
        return await db.Messages.IgnoreQueryFilters().CountAsync(m => m.InterviewId == interviewId && m.CalendarIcs!.Contains("METHOD:CANCEL"));
    }
}
