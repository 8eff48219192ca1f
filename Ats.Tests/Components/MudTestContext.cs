using System.Security.Claims;
using Ats.Domain.Identity;
using Ats.Tests.Support;
using Ats.Web.Auth;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ats.Tests.Components;

/// bUnit with MudBlazor, the app's localisation, and the real domain services over a real SQLite file.
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    /// Signed in as tenant A's recruiter, or as its admin.
    protected MudTestContext(bool asAdmin = false)
    {
        AddServices(Services);
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddScoped<ActorAccessor>();
        Services.AddScoped<Ats.Web.Components.Shared.PeopleNames>();
        Services.AddScoped<Ats.Web.Components.Shared.LiveUpdates>();
        // The database is created in InitializeAsync, before any component asks for these.
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Writes.RecordService>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<UserAdministration>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Writes.ChangeFeed>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Pipeline.PipelineMoves>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Pipeline.BoardQuery>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Pipeline.ApplicationQuery>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Candidates.CandidateList>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Jobs.JobQuery>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Offers.OfferActions>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Interviews.InterviewActions>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Scorecards.ScorecardActions>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Mail.MessageActions>());
        Services.AddSingleton(_ => Database.Services.GetRequiredService<Ats.Domain.Webhooks.WebhookService>());
        if (asAdmin) SignIn(Database.AdminA, Roles.Admin); else SignIn(Database.RecruiterA, Roles.Recruiter);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// A test's own services: called first, since bUnit takes none once the auth setup below has read from it.
    protected virtual void AddServices(IServiceCollection services) { }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    private void SignIn(AppUser user, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.DisplayName);
        auth.SetRoles(role);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(AtsClaims.TenantId, Database.TenantA.Id.ToString()),
            new Claim(AtsClaims.DisplayName, user.DisplayName));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
