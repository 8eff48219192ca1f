using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Pipeline;

/// Moves cards on a job's board. A move writes the one card; only when the ranks around the drop point have grown
/// too long (or a concurrent writer left two cards on the same rank) is the whole column re-spread, in the same write.
/// Every surface moves a card here: the board's drag, card menu and bulk bar, and a REST or socket update of an
/// application's stage, rank or rejection reason (this is the application's <see cref="IUpdateRoute{T}"/>).
public sealed class PipelineMoves(RecordService records) : IUpdateRoute<Application>
{
    public IReadOnlySet<string> Fields { get; } = new HashSet<string> { "stage", "kanban_position", "rejection_reason" };

    /// Moves the card to <paramref name="stage"/>, directly below <paramref name="afterId"/> (null: top of the column;
    /// a card no longer in that column: the bottom). <paramref name="rejectionReason"/> is required when rejecting.
    public Task<Application> MoveAsync(Actor actor, Guid id, int? expectedVersion, Stage stage, Guid? afterId,
        string? rejectionReason = null, bool confirmed = false, CancellationToken ct = default) =>
        MoveAsync(actor, id, expectedVersion, new CardMove(stage) { AfterId = afterId, RejectionReason = rejectionReason }, confirmed, ct);

    /// Rejects the card with <paramref name="reason"/>: it goes to the bottom of the rejected column.
    public Task<Application> RejectAsync(Actor actor, Guid id, int? expectedVersion, string reason, bool confirmed = false,
        CancellationToken ct = default) =>
        MoveAsync(actor, id, expectedVersion, new CardMove(Stage.Rejected) { Bottom = true, RejectionReason = reason }, confirmed, ct);

    /// A generic update: a changed stage or rank is a move (to the rank the body names, else to the bottom of the new
    /// column, as the rules place it); the body's other fields are written with it.
    public async Task<Application> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<Application> apply, bool confirmed, CancellationToken ct)
    {
        AccessRules.RequireScope(actor, Models.ModelCatalog.For<Application>(), write: true); // a read-only token hears "no write", as before
        var current = await records.FindAsync<Application>(actor, id, ct) ?? throw new NotFoundException("application", id);
        var wanted = await records.FindAsync<Application>(actor, id, ct) ?? throw new NotFoundException("application", id);
        apply(wanted);
        if (wanted.Stage == current.Stage && wanted.KanbanPosition == current.KanbanPosition)
            return await records.UpdateAsync(actor, id, expectedVersion, apply, confirmed, ct); // no move: a reason or another field
        var rank = wanted.KanbanPosition == current.KanbanPosition ? null : wanted.KanbanPosition;
        return await MoveAsync(actor, id, expectedVersion, new CardMove(wanted.Stage) { Rank = rank, Bottom = rank is null, Also = apply }, confirmed, ct);
    }

    /// The one move every surface ends in.
    public async Task<Application> MoveAsync(Actor actor, Guid id, int? expectedVersion, CardMove move, bool confirmed, CancellationToken ct)
    {
        var stage = move.Stage;
        var rejectionReason = move.RejectionReason;
        // rank null: the bottom of a new column (placed by the rules), or its place in the column it is already in.
        void Move(Application a, string? rank)
        {
            var from = a.Stage;
            move.Also?.Invoke(a);
            a.Stage = stage;
            a.KanbanPosition = rank ?? (from == stage ? a.KanbanPosition : "");
            if (rejectionReason is not null) a.RejectionReason = rejectionReason;
        }
        // A rank the caller chose is checked by the rules.
        if (move.Rank is not null || move.Bottom)
            return await records.UpdateAsync<Application>(actor, id, expectedVersion, a => Move(a, move.Rank), confirmed, ct);

        var afterId = move.AfterId;
        var card = await records.FindAsync<Application>(actor, id, ct) ?? throw new NotFoundException("application", id);
        var column = await records.ReadAsync<Application, List<Card>>(actor, (rows, _) => rows
            .Where(a => a.JobId == card.JobId && a.Stage == stage && a.Id != id)
            .OrderBy(a => a.KanbanPosition).ThenBy(a => a.Id)
            .Select(a => new Card(a.Id, a.KanbanPosition)).ToListAsync(ct), ct);

        var index = afterId is null ? 0 : column.FindIndex(c => c.Id == afterId) is var above and >= 0 ? above + 1 : column.Count;
        var upper = index < column.Count ? column[index].Rank : null;
        if (card.Stage == stage && IsBetween(card.KanbanPosition, index > 0 ? column[index - 1].Rank : null, upper) && rejectionReason is null)
            return card; // dropped where it already was

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

/// Where a card moves: its stage; below <see cref="AfterId"/> (null: the top), or to the <see cref="Bottom"/>, or to
/// a <see cref="Rank"/> the caller chose; the reason of a rejection; and other fields written with the move (a PATCH's).
public sealed record CardMove(Stage Stage)
{
    public Guid? AfterId { get; init; }
    public bool Bottom { get; init; }
    public string? Rank { get; init; }
    public string? RejectionReason { get; init; }
    public Action<Application>? Also { get; init; }
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
