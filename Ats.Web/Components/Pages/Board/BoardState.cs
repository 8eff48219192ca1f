using Ats.Domain.Pipeline;

namespace Ats.Web.Components.Pages.Board;

/// The board as the page shows it, without the page: the loaded cards, the filter, a page of cards per column, the
/// selection, and where a drop or a menu choice places a card.
public sealed class BoardState
{
    /// Cards a column renders before "show more": a job with thousands of applications stays quick.
    public const int PageSize = 50;

    private List<BoardCardModel> _cards = [];
    private Dictionary<Stage, int> _counts = [];
    private readonly Dictionary<Stage, int> _shown = [];
    private readonly HashSet<Guid> _selected = [];

    public IReadOnlyList<BoardCardModel> Cards => _cards;
    /// What the drop zones show: the first pages of the matching cards of each column.
    public List<BoardCardModel> Visible { get; private set; } = [];
    public BoardFilter Filter { get; set; } = new(null, null, null, null);
    public IReadOnlyList<(Guid Id, string Name)> Sources { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// A filter from the URL, read leniently: a hand-edited link with a bad value shows the board unfiltered.
    public static BoardFilter ParseFilter(string? text, string? sourceId, string? tag, string? minFit) =>
        new(text, Guid.TryParse(sourceId, out var source) ? source : null, tag,
            int.TryParse(minFit, out var fit) ? Math.Clamp(fit, 0, 100) : null);

    /// New cards from the database: the filter choices follow them, and a selected card that is gone is unselected.
    public void Load(List<BoardCardModel> cards)
    {
        _cards = cards;
        Sources = cards.Where(c => c.SourceId is not null).Select(c => (c.SourceId!.Value, c.Source ?? "")).Distinct().OrderBy(s => s.Item2).ToList();
        Tags = cards.SelectMany(c => c.Tags).Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        _selected.IntersectWith(cards.Select(c => c.Id));
    }

    /// The filter, then the first page of each column.
    public void Apply()
    {
        var matching = _cards.Where(Filter.Matches).GroupBy(c => c.Stage).ToList();
        _counts = matching.ToDictionary(column => column.Key, column => column.Count());
        Visible = matching.SelectMany(column => column.Take(_shown.GetValueOrDefault(column.Key, PageSize))).ToList();
    }

    public bool Shows(Guid id) => _cards.Any(c => c.Id == id);

    public int Count(Stage stage) => _counts.GetValueOrDefault(stage);

    public int Hidden(Stage stage) => Count(stage) - Visible.Count(c => c.Stage == stage);

    public void ShowMore(Stage stage)
    {
        _shown[stage] = _shown.GetValueOrDefault(stage, PageSize) + PageSize;
        Apply();
    }

    public int SelectedCount => _selected.Count;

    public bool IsSelected(Guid id) => _selected.Contains(id);

    public void Select(Guid id, bool on)
    {
        if (on) _selected.Add(id); else _selected.Remove(id);
    }

    public void ClearSelection() => _selected.Clear();

    public List<BoardCardModel> SelectedCards() => _cards.Where(c => _selected.Contains(c.Id)).ToList();

    /// A drop at <paramref name="indexInZone"/> (negative: the end) of the shown column: the card goes below the nearest
    /// card of its own job above the drop point (ranks order a job's own column); null: the top.
    public Guid? DropAfter(BoardCardModel card, Stage stage, int indexInZone)
    {
        var column = Visible.Where(c => c.Stage == stage && c.Id != card.Id).ToList();
        var index = indexInZone < 0 ? column.Count : Math.Min(indexInZone, column.Count);
        return column.Take(index).LastOrDefault(c => c.JobId == card.JobId)?.Id;
    }

    /// The card menu's "move to": the top of the stage, or below the last card of the card's job there.
    public Guid? MenuAfter(BoardCardModel card, Stage stage, bool top)
    {
        var column = _cards.Where(c => c.Stage == stage && c.JobId == card.JobId && c.Id != card.Id).ToList();
        return top || column.Count == 0 ? null : column[^1].Id;
    }
}
