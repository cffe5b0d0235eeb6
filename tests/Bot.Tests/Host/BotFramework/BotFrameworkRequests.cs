using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bot.Dialogs.Activities;

namespace Bot.Tests.Host.BotFramework;

/// <summary>Posts activities to <c>/api/messages</c> the way a Bot Framework channel does.</summary>
internal static class BotFrameworkRequests
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Activity activity, string? bearer = null)
    {
        using var content = new StringContent(JsonSerializer.Serialize(activity, ActivityJson.Options), Encoding.UTF8, "application/json");
        return await PostAsync(client, content, bearer);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent content, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request, Support.TestContext.Token);
    }

    /// <summary>The <c>activities</c> of an expectReplies response.</summary>
    public static async Task<IReadOnlyList<Activity>> ReadRepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Support.TestContext.Token);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("activities").Deserialize<List<Activity>>(ActivityJson.Options)!;
    }

    public static Activity ExpectingReplies(this Activity activity) => activity with { DeliveryMode = "expectReplies" };
}
