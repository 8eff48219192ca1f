using Ats.Domain.Candidates;
using Ats.Tests.Support;
using Ats.Web.Components.Pages.Candidates;
using Bunit;

namespace Ats.Tests.Components;

public sealed class CandidateFormTests : MudTestContext
{
    private async Task<IRenderedComponent<CandidateForm>> RenderFormAsync(Action<Guid>? onSaved = null)
    {
        var form = Render<CandidateForm>(p => p.Add(f => f.OnSaved, id => onSaved?.Invoke(id)));
        await form.WaitForStateAsync(() => form.FindAll("[data-testid=candidate-save]").Count == 1);
        return form;
    }

    private static async Task TypeAsync(IRenderedComponent<CandidateForm> form, string testId, string text) =>
        await form.Find($"[data-testid={testId}]").ChangeAsync(new() { Value = text });

    /// Label, input and error text of a MudBlazor field; data-testid sits on the input itself.
    private static string FieldText(IRenderedComponent<CandidateForm> form, string testId) =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task ShowsFieldErrorsForAnEmptyFirstNameAndAMalformedEmailAndDoesNotSave()
    {
        using var _ = Culture.English();
        var saved = false;
        var form = await RenderFormAsync(_ => saved = true);

        await TypeAsync(form, "candidate-email", "not-an-email");
        await form.Find("[data-testid=candidate-save]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("This field is required.", FieldText(form, "candidate-first-name"));
            Assert.Contains("Not a valid email address.", FieldText(form, "candidate-email"));
        });
        Assert.False(saved);
        await using var db = Database.Raw();
        Assert.Empty(await db.Candidates.IgnoreQueryFilters().ToListAsync());
    }

    [Fact]
    public async Task SavesAValidCandidateThroughTheDomain()
    {
        using var _ = Culture.English();
        Guid? savedId = null;
        var form = await RenderFormAsync(id => savedId = id);

        await TypeAsync(form, "candidate-first-name", "Ada");
        await TypeAsync(form, "candidate-last-name", "Lovelace");
        await TypeAsync(form, "candidate-email", "ada@example.com");
        await form.Find("[data-testid=candidate-save]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.NotNull(savedId));
        await using var db = Database.Raw();
        var stored = await db.Candidates.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(("Ada", "Lovelace", Database.TenantA.Id), (stored.FirstName, stored.LastName, stored.TenantId));
        Assert.Equal("ui", (await db.AuditEntries.IgnoreQueryFilters().SingleAsync()).Channel);
    }

    [Theory]
    [InlineData("de-DE", "Vorname", "Speichern", "Dieses Feld ist erforderlich.")]
    [InlineData("en-GB", "First name", "Save", "This field is required.")]
    public async Task RendersInGermanAndInEnglish(string culture, string firstNameLabel, string saveButton, string requiredMessage)
    {
        using var _ = culture.StartsWith("de") ? Culture.German() : Culture.English();
        var form = await RenderFormAsync();

        Assert.Contains(firstNameLabel, FieldText(form, "candidate-first-name"));
        Assert.Contains(saveButton, form.Find("[data-testid=candidate-save]").TextContent);

        await form.Find("[data-testid=candidate-save]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Contains(requiredMessage, FieldText(form, "candidate-first-name")));
    }
}
