using System.Text.Json;
using Ats.Domain.Models;

namespace Ats.Web.Api.Operations;

/// A list as JSON, the same on REST and the WebSocket: {"data":[…],"meta":{"limit","offset","has_more","total"}}.
public static class ListJson
{
    public static void Write(Utf8JsonWriter writer, ModelDescriptor model, ListPage page, ListQuery query)
    {
        writer.WriteStartObject();
        WriteMembers(writer, model, page, query);
        writer.WriteEndObject();
    }

    /// The "data" and "meta" members, inside an object the caller opened.
    public static void WriteMembers(Utf8JsonWriter writer, ModelDescriptor model, ListPage page, ListQuery query)
    {
        writer.WriteStartArray("data");
        foreach (var row in page.Rows) model.WriteWire(writer, row);
        writer.WriteEndArray();
        writer.WriteStartObject("meta");
        writer.WriteNumber("limit", query.Limit);
        writer.WriteNumber("offset", query.Offset);
        writer.WriteBoolean("has_more", page.HasMore);
        if (page.Total is { } count) writer.WriteNumber("total", count);
        writer.WriteEndObject();
    }
}
