using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// The one set of JSON options for dialog state: the typed values in a frame (<see cref="FrameState"/>)
/// and the whole conversation state the store persists. Enums are written by name and nulls are left out, the same
/// shape the frames had when they were BSON, so old states convert without a mapping table.
/// </summary>
public static class DialogStateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
