using Ats.Domain.Pipeline;

namespace Ats.Web.Components.Pages.Board;

/// The board's filters, kept in the URL so that a link shows the same board.
public sealed record BoardFilter(string? Text, Guid? SourceId, string? Tag, int? MinFit)
{
    public bool Matches(BoardCardModel card) =>
        (string.IsNullOrWhiteSpace(Text) || card.Name.Contains(Text.Trim(), StringComparison.CurrentCultureIgnoreCase)
            || card.Tags.Any(t => t.Contains(Text.Trim(), StringComparison.CurrentCultureIgnoreCase)))
        && (SourceId is null || card.SourceId == SourceId)
        && (string.IsNullOrWhiteSpace(Tag) || card.Tags.Contains(Tag, StringComparer.CurrentCultureIgnoreCase))
        && (MinFit is null || card.FitScore >= MinFit);
}
