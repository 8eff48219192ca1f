using Ats.Domain.Audit;
using Ats.Domain.Events;
using Ats.Domain.Models;

namespace Ats.Web.Api.Sockets;

/// What a subscription hears of one change: the change, that the row left it, or nothing.
public enum Heard { Nothing, Change, Leave }

/// One "subscribe" of one connection: a model, an optional filter on declared fields, and how far it has been served.
public sealed class Subscription(ChannelConnection connection, string id, ModelDescriptor model,
    IReadOnlyList<(FieldDescriptor Field, HashSet<string> Values)> filters, long? since)
{
    public ChannelConnection Connection { get; } = connection;
    public string Id { get; } = id;
    public ModelDescriptor Model { get; } = model;
    public long? Since { get; } = since;

    /// The last event id this subscription has been served up to; only the hub's loop reads and moves it.
    public long Cursor { get; set; }
    /// Set during one delivery round when the socket had no room: later events of that round are not sent to it.
    public bool Stalled { get; set; }

    /// Decided on what the log kept of the change (who could read the row and its ids, states and flags, before and
    /// after), never on the row as it is now, so a replay decides as the live event did. A change is heard when the
    /// row matches afterwards (a row that enters the filter is an update); a leave when it matched before and not
    /// after, or stopped being readable. <paramref name="row"/>: the row as <paramref name="reader"/> may read it now
    /// (null if they may not, or it is gone): a change without it cannot be sent, and filters on text fields, which
    /// the log does not keep, are matched on it. Entries logged before readers and keys were noted fall back to it.
    public Heard Hears(ChangeLogEntry entry, Guid reader, object? row)
    {
        if (entry.Action == AuditAction.Delete)
            return entry.Readers?.Contains(reader) == true && Matches(entry.Keys, row: null) ? Heard.Change : Heard.Nothing;
        var readableAfter = entry.Readers?.Contains(reader) ?? row is not null;
        if (readableAfter && Matches(entry.Keys, row)) return row is null ? Heard.Nothing : Heard.Change;
        if (entry.Action != AuditAction.Update || entry.Keys is null) return Heard.Nothing;
        var readableBefore = (entry.OldReaders ?? entry.Readers)?.Contains(reader) == true;
        // A text field this update changed may have matched before: better a leave of a row the client never had.
        return readableBefore && Matches(entry.OldKeys ?? entry.Keys, row, changed: entry.ChangedFields) ? Heard.Leave : Heard.Nothing;
    }

    /// Each filtered field on the kept keys, else on the row; a field neither knows (text of a delete, of a row the
    /// reader cannot read now, or one in <paramref name="changed"/>) lets the row through.
    private bool Matches(Dictionary<string, string>? keys, object? row, IReadOnlyList<string>? changed = null)
    {
        foreach (var (field, values) in filters)
        {
            if (keys?.TryGetValue(field.Name, out var kept) == true)
            {
                if (!values.Contains(kept)) return false;
            }
            else if (row is not null && changed?.Contains(field.Name) != true)
            {
                // A field hidden from this reader (an offer's salary) is null for the filter too, or a filter could probe it.
                var value = row is IPartlyHidden partly && partly.Hides(field.Name) ? null : field.GetValue(row);
                if (!values.Contains(WireText.Of(value))) return false;
            }
        }
        return true;
    }
}
