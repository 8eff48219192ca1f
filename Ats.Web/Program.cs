using Ats.Domain;
using Ats.Domain.Data;
using Ats.Domain.Tokens;
using Ats.Web.Api.Xapi;
using Ats.Web.Auth;
using Ats.Web.Components;
using Ats.Web.Hosting;
using Ats.Web.Localization;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection(AtsSettings.Section).Get<AtsSettings>() ?? new AtsSettings();

builder.Services.AddAtsDomain(builder.Configuration.GetConnectionString("Ats"));
builder.Services.AddAtsAuthentication();
builder.Services.AddAtsLocalization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddXapi(builder.Configuration);
builder.Services.AddSingleton(sp => new JwtTokens(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AtsDbContext>>(),
    sp.GetRequiredService<TimeProvider>(), builder.Configuration["Ats:Jwt:SigningKey"]));
builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>()
    .InitializeAsync(settings.SeedDemoData ?? app.Environment.IsDevelopment());

if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseRequestLocalization();
app.UseXapi();
// No stack trace reaches a user, in any environment: errors render the friendly error page.
app.UseWhen(http => !XapiApi.IsApi(http), ui =>
{
    ui.UseExceptionHandler("/error", createScopeForErrors: true);
    ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
});
app.UseMiddleware<FirstRunRedirect>();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapCultureEndpoint();
app.MapXapi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
