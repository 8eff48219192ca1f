using Ats.Domain.Tokens;
using Ats.Tests.Support;
using Ats.Web.Auth;
using Ats.Web.Components.Pages.Integrations;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ats.Tests.Components;

/// The new-token dialog asks for the password for long-lived tokens: guesses there count in the sign-in throttle.
public sealed class NewTokenDialogTests : MudTestContext
{
    private const string RightPassword = "Passw0rd!test";
    private readonly SettableClock _clock = new();

    public NewTokenDialogTests() : base(asAdmin: true) { }

    protected override void AddServices(IServiceCollection services)
    {
        // 30 days without a password: the dialog's default of 90 days asks for it.
        services.AddSingleton(_ => ActivatorUtilities.CreateInstance<TokenService>(Database.Services, new TokenSettings { MaxLifetimeDays = 30 }));
        services.AddSingleton(new SignInThrottle(new SignInThrottleSettings(), _clock));
    }

    [Fact]
    public async Task AfterTheFreeWrongPasswordsEvenTheRightOneWaitsThenWorks()
    {
        using var _ = Culture.English();
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<NewTokenDialog>("New token"));
        await dialogs.WaitForStateAsync(() => dialogs.FindAll("[data-testid=token-password]").Count == 1);
        await Input(dialogs, "token-name").ChangeAsync(new() { Value = "Warehouse" });
        var scope = Input(dialogs, "candidate:read");
        await scope.ChangeAsync(new() { Value = true });

        for (var i = 0; i < new SignInThrottleSettings().FreeFailuresPerAccountAndIp; i++)
            Assert.Contains("wrong", await CreateAsync(dialogs, "wrong password " + i), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Too many attempts", await CreateAsync(dialogs, RightPassword));
        Assert.Empty(Database.Raw().ApiTokens.IgnoreQueryFilters());

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Input(dialogs, "token-password").ChangeAsync(new() { Value = RightPassword });
        await dialogs.Find("[data-testid=token-create]").ClickAsync(new());
        await dialogs.WaitForStateAsync(() => dialogs.FindAll("[data-testid=token-password]").Count == 0); // closed: created
        Assert.Single(Database.Raw().ApiTokens.IgnoreQueryFilters());
    }

    private static async Task<string> CreateAsync(IRenderedComponent<MudDialogProvider> dialogs, string password)
    {
        await Input(dialogs, "token-password").ChangeAsync(new() { Value = password });
        await dialogs.Find("[data-testid=token-create]").ClickAsync(new());
        return dialogs.Find(".mud-dialog").TextContent;
    }

    /// The input itself, whether MudBlazor put the test id on it or on its wrapper.
    private static IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId)
    {
        var element = dialogs.Find($"[data-testid='{testId}']");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }
}
