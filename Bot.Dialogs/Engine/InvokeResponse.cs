using System.Text.Json;

namespace Bot.Dialogs.Engine;

/// <summary>The synchronous answer to an <c>invoke</c> activity: HTTP status and JSON body (§1.5).</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
