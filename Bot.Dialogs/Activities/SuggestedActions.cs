using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Dialogs.Activities;

/// <summary>Quick-reply chips shown under the last bot message.</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }
    public required IReadOnlyList<CardAction> Actions { get; init; }
}

/// <summary>A button. For <c>imBack</c>, Web Chat sends <see cref="Value"/> as the message text.</summary>
public sealed record CardAction
{
    public required string Type { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonElement? Value { get; init; }
    public string? Image { get; init; }

    /// <summary>An <c>imBack</c> button that sends its own title.</summary>
    public static CardAction ImBack(string title, string? value = null) => new()
    {
        Type = "imBack",
        Title = title,
        Value = JsonSerializer.SerializeToElement(value ?? title),
    };

    /// <summary>A button that opens a URL in the client.</summary>
    public static CardAction OpenUrl(string title, string url) => new()
    {
        Type = "openUrl",
        Title = title,
        Value = JsonSerializer.SerializeToElement(url),
    };

    /// <summary>The text the channel will send back when this button is tapped.</summary>
    [JsonIgnore]
    public string? SentText => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : Text ?? Title;
}
