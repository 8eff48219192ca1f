using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ats.Web.Api.Operations;

/// The shape every JSON body and socket frame may have, checked in one pass before a tree is built or read:
/// nesting depth, members of one object, items of one array (the size is capped before: 256 KiB).
public static class JsonLimits
{
    public const int MaxDepth = 16, MaxMembers = 200, MaxItems = 1000;

    /// Parses <paramref name="utf8"/>. Malformed JSON, nesting deeper than <see cref="MaxDepth"/> and a member given
    /// twice throw a <see cref="JsonException"/>; too many members or items a <see cref="BodyException"/> (400).
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        CheckShape(utf8);
        return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
    }

    private static void CheckShape(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        Span<int> counts = stackalloc int[MaxDepth + 2];
        Span<bool> isArray = stackalloc bool[MaxDepth + 2];
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray) continue;
            var depth = reader.CurrentDepth;
            if (depth > 0)
            {
                // An object counts its member names, an array its values (a member's value is not counted again).
                if (token == JsonTokenType.PropertyName && ++counts[depth - 1] > MaxMembers)
                    throw new BodyException(400, "too_many_members", $"A JSON object may have at most {MaxMembers} members.");
                if (token != JsonTokenType.PropertyName && isArray[depth - 1] && ++counts[depth - 1] > MaxItems)
                    throw new BodyException(400, "too_many_items", $"A JSON array may have at most {MaxItems} items.");
            }
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                counts[depth] = 0;
                isArray[depth] = token == JsonTokenType.StartArray;
            }
        }
    }
}
