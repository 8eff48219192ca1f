using Ats.Domain.Events;
using Ats.Domain.Models;

namespace Ats.Web.Api.Sockets;

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

    /// Matched on the row as the reader sees it, or for a delete on the ids and states kept with it
    /// (a filter on a text field lets a delete through: it names only the id of a row the reader could see).
    public bool Matches(object? row, ChangeLogEntry entry)
    {
        foreach (var (field, values) in filters)
        {
            if (row is not null)
            {
                // A field hidden from this reader (an offer's salary) is null for the filter too, or a filter could probe it.
                var value = row is IPartlyHidden partly && partly.Hides(field.Name) ? null : field.GetValue(row);
                if (!values.Contains(WireText.Of(value))) return false;
            }
            else if (entry.Keys?.TryGetValue(field.Name, out var kept) == true && !values.Contains(kept))
            {
                return false;
            }
        }
        return true;
    }
}
