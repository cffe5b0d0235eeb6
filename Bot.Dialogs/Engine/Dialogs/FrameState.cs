using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>Typed values in a frame's state (a JSON object, written with <see cref="DialogStateJson"/>).</summary>
internal static class FrameState
{
    /// <summary>Reads a typed value from the frame's state, or null when absent.</summary>
    public static T? Read<T>(this DialogFrame frame, string key) where T : class =>
        frame.State[key] is JsonObject value ? value.Deserialize<T>(DialogStateJson.Options) : null;

    /// <summary>Writes a typed value into the frame's state.</summary>
    public static void Write<T>(this DialogFrame frame, string key, T value) where T : class =>
        frame.State[key] = JsonSerializer.SerializeToNode(value, DialogStateJson.Options);
}
