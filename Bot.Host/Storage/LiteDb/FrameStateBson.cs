using System.Text.Json.Nodes;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Dialog frame state inside LiteDB documents. New state is JSON text; state saved before dialog state became
/// JSON (frames were BSON documents) is converted once when read, so existing data folders keep their open dialogs.
/// </summary>
internal static class FrameStateBson
{
    /// <summary>How a frame's state is stored in a mapped document (a form draft's frames): its JSON text.</summary>
    public static BsonValue ToBson(JsonObject state) => new(state.ToJsonString());

    /// <summary>Reads a frame's state: JSON text, or the old BSON document converted.</summary>
    public static JsonObject FromBson(BsonValue value) => value switch
    {
        { IsString: true } => JsonNode.Parse(value.AsString) as JsonObject ?? [],
        { IsDocument: true } => (JsonObject)ToJson(value)!,
        _ => [],
    };

    /// <summary>
    /// Converts a BSON value as LiteDB's mapper wrote it to the JSON System.Text.Json reads back into the same type:
    /// enums and dates-only were already text, decimals and integers become numbers, a date becomes ISO 8601 UTC,
    /// binary becomes base64, and the mapper's "_id" becomes the "Id" property it came from.
    /// </summary>
    public static JsonNode? ToJson(BsonValue value) => value.Type switch
    {
        BsonType.Document => new JsonObject(value.AsDocument.Select(p => KeyValuePair.Create(p.Key == "_id" ? "Id" : p.Key, ToJson(p.Value)))),
        BsonType.Array => new JsonArray([.. value.AsArray.Select(ToJson)]),
        BsonType.String => JsonValue.Create(value.AsString),
        BsonType.Int32 => JsonValue.Create(value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Double => double.IsFinite(value.AsDouble) ? JsonValue.Create(value.AsDouble) : null,
        BsonType.Decimal => JsonValue.Create(value.AsDecimal),
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.DateTime => JsonValue.Create(value.AsDateTime.ToUniversalTime()),
        BsonType.Guid => JsonValue.Create(value.AsGuid),
        BsonType.ObjectId => JsonValue.Create(value.AsObjectId.ToString()),
        BsonType.Binary => JsonValue.Create(Convert.ToBase64String(value.AsBinary)),
        _ => null,
    };
}
