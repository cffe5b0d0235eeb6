using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Dialogs.Activities;

/// <summary>The one JSON shape of activities on every channel: camelCase, nulls omitted (rules A2004, A2100).</summary>
public static class ActivityJson
{
    /// <summary>Options for reading and writing Bot Framework JSON.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Nesting beyond this is hostile input, not a real activity.
            MaxDepth = 32,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
