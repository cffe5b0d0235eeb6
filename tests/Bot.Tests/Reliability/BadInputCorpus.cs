using System.Net.Http.Headers;
using System.Text;

namespace Bot.Tests.Reliability;

/// <summary>
/// Hostile request bodies derived from one valid JSON body, for any JSON endpoint (/api/messages, Direct Line;
/// point it at /api/whatsapp or /dasbor with their own valid body). Each case says whether the endpoint must
/// refuse it with a 4xx or may accept and ignore it (never a 5xx either way).
/// </summary>
public static class BadInputCorpus
{
    /// <summary>The cases for <paramref name="validJson"/>; its text field (<paramref name="textField"/>) is the one made huge or broken.</summary>
    public static IReadOnlyList<BadInput> For(string validJson, string textField = "text")
    {
        ArgumentNullException.ThrowIfNull(validJson);
        var textProperty = $"\"{textField}\":\"";
        var at = validJson.IndexOf(textProperty, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The valid body has no \"{textField}\" string.");
        var valueStart = at + textProperty.Length;
        var valueEnd = validJson.IndexOf('"', valueStart);
        string WithText(string raw) => validJson[..valueStart] + raw + validJson[valueEnd..];
        string WithTextValue(string json) => validJson[..(valueStart - 1)] + json + validJson[(valueEnd + 1)..];
        byte[] WithTextBytes(byte[] raw) =>
        [.. Encoding.UTF8.GetBytes(validJson[..valueStart]), .. raw, .. Encoding.UTF8.GetBytes(validJson[valueEnd..])];

        return
        [
            // Truncated at several points, including inside a string and just before the closing brace.
            BadInput.Refused("truncated after the first byte", validJson[..1]),
            BadInput.Refused("truncated at a quarter", validJson[..(validJson.Length / 4)]),
            BadInput.Refused("truncated inside the text", validJson[..(valueStart + 1)]),
            BadInput.Refused("truncated before the last brace", validJson[..^1]),
            BadInput.Refused("two objects back to back", validJson + validJson),
            BadInput.Refused("trailing garbage", validJson + " xyz"),

            // Huge: far over any body limit, with and without a declared length.
            BadInput.Refused("a 10 MB text", WithText(new string('a', 10 * 1024 * 1024))),
            BadInput.Refused("a 10 MB text, chunked", WithText(new string('b', 10 * 1024 * 1024)), chunked: true),
            BadInput.Refused("a 10 MB array of numbers", WithTextValue("[" + string.Join(',', Enumerable.Repeat("1", 5 * 1024 * 1024)) + "]")),

            // Deeply nested, closed and unclosed.
            BadInput.Refused("nested 64 objects deep", WithTextValue(Nested(64))),
            BadInput.Refused("nested 100000 arrays, unclosed", WithTextValue(new string('[', 100_000))),
            BadInput.Refused("nested 100000 arrays as the whole body", new string('[', 100_000) + new string(']', 100_000)),

            // Wrong types.
            BadInput.Refused("text is a number", WithTextValue("12345")),
            BadInput.Refused("text is an object", WithTextValue("{\"a\":1}")),
            BadInput.Refused("text is an array", WithTextValue("[\"a\"]")),
            BadInput.Refused("body is an array", "[" + validJson + "]"),
            BadInput.Refused("body is a string", "\"" + validJson.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""),
            BadInput.Refused("body is null", "null"),
            BadInput.Refused("body is true", "true"),
            BadInput.Refused("empty body", string.Empty),
            BadInput.Refused("whitespace only", "   \n\t "),

            // Not UTF-8 JSON.
            BadInput.Refused("invalid UTF-8 in the text", WithTextBytes([0xC3, 0x28, 0xFF, 0xFE])),
            BadInput.Refused("overlong UTF-8 encoding", WithTextBytes([0xC0, 0xAF])),
            BadInput.Refused("UTF-16 body", Encoding.Unicode.GetBytes(validJson)),
            BadInput.Refused("a NUL byte outside strings", [.. Encoding.UTF8.GetBytes(validJson[..^1]), 0x00, (byte)'}']),
            BadInput.Refused("raw control characters in the text", WithText("a\u0001\u0002b")),
            BadInput.Refused("binary garbage", Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251)).ToArray()),

            // Valid JSON that is odd but harmless: accepted or refused, never a 5xx.
            BadInput.Tolerated("a lone surrogate escaped in the text", WithText("\\ud800 x")),
            BadInput.Tolerated("duplicate property names", validJson[..^1] + "," + validJson[1..^1] + "}"),
            BadInput.Tolerated("unknown properties", validJson[..^1] + ",\"zzz\":{\"a\":[1,2,{\"b\":null}]}}"),
            BadInput.Tolerated("a form content type", validJson, contentType: "application/x-www-form-urlencoded"),
        ];
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
}

/// <summary>One hostile body and what the endpoint owes it.</summary>
public sealed record BadInput(string Name, byte[] Body, bool MustRefuse, bool Chunked, string ContentType)
{
    public static BadInput Refused(string name, string body, bool chunked = false, string contentType = "application/json") =>
        new(name, Encoding.UTF8.GetBytes(body), true, chunked, contentType);

    public static BadInput Refused(string name, byte[] body) => new(name, body, true, false, "application/json");

    public static BadInput Tolerated(string name, string body, string contentType = "application/json") =>
        new(name, Encoding.UTF8.GetBytes(body), false, false, contentType);

    public HttpContent Content()
    {
        HttpContent content = Chunked ? new StreamContent(new UnseekableStream(Body)) : new ByteArrayContent(Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }

    public override string ToString() => Name;

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
