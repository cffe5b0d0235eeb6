using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>Builds WhatsApp notifications as Meta sends them and signs the exact bytes with the test app secret.</summary>
public static class Webhook
{
    public const string AppSecret = "test-app-secret";
    public const string VerifyToken = "test-verify-token";
    public const string PhoneNumberId = "1098765";
    public const string User = "6281234567890";

    public static JsonObject Text(string wamid, string body, DateTimeOffset at, string from = User) =>
        Message(wamid, "text", at, from, new JsonObject { ["body"] = body });

    public static JsonObject Message(string wamid, string type, DateTimeOffset at, string from, JsonObject? content)
    {
        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = wamid,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
        };
        if (content is not null)
        {
            message[type] = content;
        }

        return message;
    }

    public static JsonObject Status(string wamid, string status, DateTimeOffset at, int? errorCode = null)
    {
        var update = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = User,
        };
        if (errorCode is { } code)
        {
            update["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = "Planned" });
        }

        return update;
    }

    /// <summary>The envelope: one entry, one change, the given messages and statuses.</summary>
    public static byte[] Envelope(IEnumerable<JsonObject>? messages = null, IEnumerable<JsonObject>? statuses = null, string phoneNumberId = PhoneNumberId)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "628001234", ["phone_number_id"] = phoneNumberId },
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Fokal Satu" }, ["wa_id"] = User }),
        };
        if (messages is not null)
        {
            value["messages"] = new JsonArray([.. messages]);
        }

        if (statuses is not null)
        {
            value["statuses"] = new JsonArray([.. statuses]);
        }

        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "WABA-1",
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static string Sign(byte[] body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
