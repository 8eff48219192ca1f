using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Pipeline;

/// Moves cards on a job's board. A move writes the one card; only when the ranks around the drop point have grown
/// too long (or a concurrent writer left two cards on the same rank) is the whole column re-spread, in the same write.
public sealed class PipelineMoves(RecordService records)
{
    /// Moves the card to <paramref name="stage"/>, directly below <paramref name="afterId"/> (null: top of the column;
    /// a card no longer in that column: the bottom). <paramref name="rejectionReason"/> is required when rejecting.
    public async Task<Application> MoveAsync(Actor actor, Guid id, int? expectedVersion, Stage stage, Guid? afterId,
        string? rejectionReason = null, bool confirmed = false, CancellationToken ct = default)
    {
        var card = await records.FindAsync<Application>(actor, id, ct) ?? throw new NotFoundException("application", id);
        var column = await records.ReadAsync<Application, List<Card>>(actor, (rows, _) => rows
            .Where(a => a.JobId == card.JobId && a.Stage == stage && a.Id != id)
            .OrderBy(a => a.KanbanPosition).ThenBy(a => a.Id)
            .Select(a => new Card(a.Id, a.KanbanPosition)).ToListAsync(ct), ct);

        var index = afterId is null ? 0 : column.FindIndex(c => c.Id == afterId) is var above and >= 0 ? above + 1 : column.Count;
        var upper = index < column.Count ? column[index].Rank : null;
        if (card.Stage == stage && IsBetween(card.KanbanPosition, index > 0 ? column[index - 1].Rank : null, upper) && rejectionReason is null)
            return card; // dropped where it already was

        void Move(Application a, string rank)
        {
            a.Stage = stage;
            a.KanbanPosition = rank;
            if (rejectionReason is not null) a.RejectionReason = rejectionReason;
        }
        // The rules send a card whose stage changed but whose rank did not to the bottom: its new rank must differ.
        string NewRank(string rank, string? next) => card.Stage != stage && rank == card.KanbanPosition ? Rank.Between(rank, next) : rank;

        if (Placement.RankAt(column.Select(c => c.Rank).ToList(), index) is { } planned
            && NewRank(planned, upper) is { Length: <= Placement.MaxRankLength } rank)
            return await records.UpdateAsync<Application>(actor, id, expectedVersion, a => Move(a, rank), confirmed, ct);

        // Re-spread the column with the card in its new place: every card of the column gets a fresh, short rank.
        var order = column.Select(c => c.Id).ToList();
        order.Insert(index, id);
        var ranks = Rank.Spread(order.Count);
        var changes = new Dictionary<Guid, (int?, Action<Application>)>();
        for (var i = 0; i < order.Count; i++)
        {
            var fresh = order[i] == id ? NewRank(ranks[i], i + 1 < ranks.Count ? ranks[i + 1] : null) : ranks[i];
            changes[order[i]] = order[i] == id
                ? (expectedVersion, a => Move(a, fresh))
                // A neighbour moved away meanwhile keeps its place in its new column.
                : (null, a => { if (a.Stage == stage && a.JobId == card.JobId) a.KanbanPosition = fresh; });
        }
        var moved = await records.UpdateManyAsync(actor, changes, confirmed, ct);
        return moved.Single(a => a.Id == id);
    }

    /// Several cards to the bottom of one stage (or all rejected with one reason), all or none.
    public Task<IReadOnlyList<Application>> MoveManyAsync(Actor actor, IReadOnlyCollection<Guid> ids, Stage stage,
        string? rejectionReason = null, bool confirmed = false, CancellationToken ct = default)
    {
        var changes = ids.Distinct().ToDictionary(id => id, _ => ((int?)null, (Action<Application>)(a =>
        {
            if (a.Stage == stage) return; // already there: its place and its reason stay
            a.Stage = stage;
            a.KanbanPosition = ""; // placed at the bottom of the new column by the rules
            if (rejectionReason is not null) a.RejectionReason = rejectionReason;
        })));
        return records.UpdateManyAsync(actor, changes, confirmed, ct);
    }

    private static bool IsBetween(string rank, string? lower, string? upper) =>
        (lower is null || string.CompareOrdinal(lower, rank) < 0) && (upper is null || string.CompareOrdinal(rank, upper) < 0);

    private sealed record Card(Guid Id, string Rank);
}

/// Where a card dropped into a column goes: a rank between its new neighbours, or null when that rank would be too
/// long (or the neighbours share a rank) and the column needs fresh ranks (<see cref="Rank.Spread"/>).
public static class Placement
{
    /// Ranks longer than this are re-spread: about 50 moves into the very same gap, far more than a person makes.
    public const int MaxRankLength = 12;

    /// <paramref name="ranks"/>: the column in order, without the moving card; <paramref name="index"/>: its new place.
    public static string? RankAt(IReadOnlyList<string> ranks, int index)
    {
        var lower = index > 0 ? ranks[index - 1] : null;
        var upper = index < ranks.Count ? ranks[index] : null;
        if (lower is not null && upper is not null && string.CompareOrdinal(lower, upper) >= 0) return null;
        var rank = Rank.Between(lower, upper);
        return rank.Length <= MaxRankLength ? rank : null;
    }
}
