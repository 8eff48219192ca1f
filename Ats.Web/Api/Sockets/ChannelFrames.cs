using System.Buffers;
using System.Text.Json;
using Ats.Domain.Audit;
using Ats.Domain.Events;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Sockets;

/// The frames the server sends. Requests are answered with "result" or "error" (carrying a problem document,
/// as on REST); subscriptions get "subscribed", "event" and "unsubscribed".
public static class ChannelFrames
{
    public static byte[] Subscribed(string id, long position) => Write(w =>
    {
        w.WriteString("op", "subscribed");
        w.WriteString("id", id);
        w.WriteString("event_id", position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    public static byte[] Unsubscribed(string id) => Write(w =>
    {
        w.WriteString("op", "unsubscribed");
        w.WriteString("id", id);
    });

    public static byte[] Pong(string? id) => Write(w =>
    {
        w.WriteString("op", "pong");
        if (id is not null) w.WriteString("id", id);
    });

    /// data: the row as the reader sees it now (its version says which), or {"id":…} for a delete or a leave
    /// (<paramref name="leave"/>: the row stopped matching the subscription's filter or being readable by it).
    public static byte[] Event(string subscriptionId, ChangeLogEntry entry, byte[] data, bool leave = false) => Write(w =>
    {
        w.WriteString("op", "event");
        w.WriteString("id", subscriptionId);
        w.WriteString("dataType", entry.Model);
        w.WriteString("action", leave ? "leave" : entry.Action switch { AuditAction.Create => "create", AuditAction.Update => "update", _ => "delete" });
        w.WriteString("event_id", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("ts", entry.At);
        if (entry.Action == AuditAction.Update && !leave)
        {
            w.WriteStartArray("changed_fields");
            foreach (var field in entry.ChangedFields) w.WriteStringValue(field);
            w.WriteEndArray();
        }
        w.WritePropertyName("data");
        w.WriteRawValue(data, skipInputValidation: true);
    }, data.Length + 256);

    public static byte[] Result(string id, Action<Utf8JsonWriter> members) => Write(w =>
    {
        w.WriteString("op", "result");
        w.WriteString("id", id);
        members(w);
    });

    public static byte[] Error(string? id, Problem problem, string traceId) => Write(w =>
    {
        w.WriteString("op", "error");
        if (id is null) w.WriteNull("id");
        else w.WriteString("id", id);
        w.WritePropertyName("error");
        JsonSerializer.Serialize(w, Problems.Document(problem, traceId));
    });

    public static string NewTraceId() => System.Diagnostics.ActivityTraceId.CreateRandom().ToString();

    private static byte[] Write(Action<Utf8JsonWriter> members, int sizeHint = 256)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
