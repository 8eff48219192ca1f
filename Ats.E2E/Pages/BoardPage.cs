using Microsoft.Playwright;

namespace Ats.E2E.Pages;

/// A job's pipeline board.
public sealed class BoardPage(IPage page)
{
    public IPage Page => page;

    public ILocator Column(string stage) => page.GetByTestId($"column-{stage}");

    public ILocator Cards(string stage) => Column(stage).GetByTestId("board-card");

    public ILocator Card(string name) => page.GetByTestId("board-card").Filter(new() { HasText = name });

    public ILocator Count(string stage) => Column(stage).GetByTestId("column-count");

    public Task OpenAsync(Guid jobId) => new AppShell(page).GoToAsync($"/jobs/{jobId}/board");

    /// The names in a column, top to bottom.
    public async Task<IReadOnlyList<string>> NamesAsync(string stage) =>
        (await Cards(stage).GetByTestId("card-name").AllInnerTextsAsync()).Select(n => n.Trim()).ToList();

    public Task DragAsync(string name, string stage) =>
        Card(name).DragToAsync(Column(stage).Locator(".mud-drop-zone"));

    /// Drops the card on the top edge of another card of the same column: it lands above it.
    public Task DragAboveAsync(string name, string otherName) =>
        Card(name).DragToAsync(Card(otherName), new() { Force = true, TargetPosition = new() { X = 20, Y = 3 } });

    public async Task MoveWithMenuAsync(string name, string stage, bool top)
    {
        await Card(name).GetByTestId("card-move-menu").ClickAsync();
        await page.GetByTestId($"move-{stage}-{(top ? "top" : "bottom")}").ClickAsync();
    }
}
