using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Pages;

/// A candidate's profile: its tabs, notes and correspondence.
public sealed class ProfilePage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(Guid candidateId)
    {
        await page.GotoAsync($"/candidates/{candidateId}");
        await AppShell.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("candidate-name")).ToBeVisibleAsync();
    }

    public Task OpenTabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    public ILocator Notes => page.GetByTestId("note");

    public ILocator Note(string text) => Notes.Filter(new() { HasText = text });

    /// Adds a note; wait for the list to show what is already there first.
    public async Task AddNoteAsync(string markdown)
    {
        var before = await Notes.CountAsync();
        await page.GetByTestId("note-draft").FillAsync(markdown);
        await page.GetByTestId("note-add").ClickAsync();
        await Expect(Notes).ToHaveCountAsync(before + 1);
    }

    public async Task PinAsync(string text)
    {
        await Note(text).GetByTestId("note-pin").ClickAsync();
        await Expect(Note(text)).ToHaveAttributeAsync("data-pinned", "true");
    }

    public ILocator Messages => page.GetByTestId("message");

    /// Writes an email from a template through the compose dialog and sends it.
    public async Task SendTemplateAsync(string templateName)
    {
        await page.GetByTestId("compose-email").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("compose-template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = templateName }).ClickAsync();
        await Expect(dialog.GetByTestId("compose-subject")).Not.ToHaveValueAsync("");
        await dialog.GetByTestId("compose-send").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
