using Ats.Domain;
using Ats.Domain.Data;
using Ats.Web.Api.Sockets;
using Ats.Web.Api.Xapi;
using Ats.Web.Auth;
using Ats.Web.Components;
using Ats.Web.Hosting;
using Ats.Web.Localization;
using Ats.Web.Offers;
using MudBlazor.Services;

var builder = AtsHost.CreateBuilder(args);
var settings = builder.Configuration.GetSection(AtsSettings.Section).Get<AtsSettings>() ?? new AtsSettings();

builder.AddHostingSecurity();
builder.Services.AddAtsDomain(builder.Configuration.GetConnectionString("Ats"));
builder.Services.AddAtsAuthentication();
builder.Services.AddAtsLocalization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddScoped<Ats.Web.Components.Shared.PeopleNames>();
builder.Services.AddScoped<Ats.Web.Components.Shared.LiveUpdates>();
builder.Services.AddXapi(builder.Configuration);
builder.Services.AddChannel(builder.Configuration);
MailOutboxWorker.AddMailOutbox(builder.Services, builder.Configuration);
WebhookWorker.AddWebhooks(builder.Services, builder.Configuration);
builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

var app = builder.Build();

app.Services.GetRequiredService<PublicSite>(); // a wrong Ats:PublicUrl stops the start, not the first invitation

await app.Services.GetRequiredService<DatabaseInitializer>()
    .InitializeAsync(settings.ShouldSeedDemoData(app.Environment));

app.UseHostingSecurity();
// No stack trace reaches a user, in any environment: errors render the friendly error page.
// (/xapi2 handles its own errors first, as problem documents; these see only what it leaves alone.)
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseMiddleware<RequestBodyLimit>();
app.UseRequestLocalization();
app.UseWebSockets();
app.UseXapi();
app.UseMiddleware<FirstRunRedirect>();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorSetupRedirect();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapCultureEndpoint();
app.MapXapi();
app.MapChannel();
app.MapOfferLetters();
if (settings.BenchmarkCeiling) app.MapBenchmarkCeiling();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
