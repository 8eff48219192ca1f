using Ats.Domain.Candidates;
using Ats.Domain.Webhooks;
using Ats.Tests.Support;
using Ats.Web.Components.Layout;
using Ats.Web.Components.Pages.Integrations;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ats.Tests.Components;

/// The Webhooks section of Integrations: create (secret shown once), the delivery log, the notice when the worker switched one off.
public sealed class WebhookSectionTests() : MudTestContext(asAdmin: true)
{
    private const string Url = "https://203.0.113.10/hooks/ats";

    [Fact]
    public async Task AnAdminCreatesAWebhookSeesTheSecretOnceAndFindsTheDeliveryOfAChange()
    {
        using var _ = Culture.English();
        var dialogs = Render<MudDialogProvider>();
        var section = Render<WebhookSection>();
        await section.WaitForStateAsync(() => section.FindAll("[data-testid=webhook-new]").Count == 1);

        // Not awaited: the handler waits for the dialog it opens.
        var creating = section.Find("[data-testid=webhook-new]").ClickAsync(new());
        await dialogs.WaitForStateAsync(() => dialogs.FindAll("[data-testid=webhook-url]").Count == 1);
        await dialogs.Find("[data-testid=webhook-url]").ChangeAsync(new() { Value = Url });
        await dialogs.Find("[data-testid=webhook-description]").ChangeAsync(new() { Value = "CRM" });
        await dialogs.Find("[data-testid=webhook-save]").ClickAsync(new());

        await dialogs.WaitForStateAsync(() => dialogs.FindAll("[data-testid=webhook-secret]").Count == 1);
        Assert.StartsWith("whsec_", dialogs.Find("[data-testid=webhook-secret]").GetAttribute("value"));
        await dialogs.Find("[data-testid=webhook-secret-done]").ClickAsync(new());
        await creating;
        section.WaitForAssertion(() => Assert.Contains(Url, section.Find("[data-testid=webhook-table]").TextContent));

        await Database.Records.CreateAsync(Database.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        var viewing = section.Find("[data-testid=webhook-deliveries]").ClickAsync(new()); // completes when the log is closed

        await dialogs.WaitForStateAsync(() => dialogs.FindAll("[data-testid=delivery-status]").Count == 1);
        Assert.Contains("candidate.created", dialogs.Find("[data-testid=delivery-table]").TextContent);
        Assert.Contains("Pending", dialogs.Find("[data-testid=delivery-status]").TextContent);
    }

    [Fact]
    public async Task AnEndpointTheWorkerSwitchedOffShowsANoticeAndABadge()
    {
        using var _ = Culture.English();
        var created = await Database.Services.GetRequiredService<WebhookService>().CreateAsync(Database.Admin, Url, ["*"], null);
        await using (var db = Database.Raw())
            await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.Id == created.Webhook.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Active, false).SetProperty(e => e.DisabledAt, DateTime.UtcNow).SetProperty(e => e.DisabledReason, WebhookDispatcher.Gone));

        var section = Render<WebhookSection>();
        var nav = Render<NavMenu>();

        await section.WaitForStateAsync(() => section.FindAll("[data-testid=webhook-disabled-notice]").Count == 1);
        Assert.Contains("410 Gone", section.Find("[data-testid=webhook-disabled-notice]").TextContent);
        Assert.Contains("Disabled", section.Find("[data-testid=webhook-status]").TextContent);
        await nav.WaitForStateAsync(() => nav.FindAll("[data-testid=nav-webhook-disabled]").Count == 1);
    }
}
