using System.Text.Json;

namespace Bot.Dialogs.Activities;

/// <summary>A file or card attached to a message: either <see cref="Content"/> or <see cref="ContentUrl"/> (rule A7100).</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }
}
