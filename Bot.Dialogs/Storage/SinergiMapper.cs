using LiteDB;

namespace Bot.Dialogs.Storage;

/// <summary>Builds the explicit mapper (never <c>BsonMapper.Global</c>, which is static and mutable).</summary>
internal static class SinergiMapper
{
    public static BsonMapper Create() => new()
    {
        EnumAsInteger = false,
        SerializeNullValues = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
    };
}
