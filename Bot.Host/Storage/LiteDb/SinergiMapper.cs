using System.Globalization;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Builds the explicit mapper (never <c>BsonMapper.Global</c>, which is static and mutable).</summary>
internal static class SinergiMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            EnumAsInteger = false,
            SerializeNullValues = false,
            TrimWhitespace = false,
            EmptyStringToNull = false,
        };

        // LiteDB 5.0 has no DateOnly support (it would store its read-only properties and read back 0001-01-01).
        // ISO text keeps the calendar date free of time-zone conversion and sorts correctly in queries.
        mapper.RegisterType(
            date => new BsonValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        // Dialog frame state is JSON (form drafts hold frames); older BSON frames convert on read.
        mapper.RegisterType(FrameStateBson.ToBson, FrameStateBson.FromBson);
        return mapper;
    }
}
