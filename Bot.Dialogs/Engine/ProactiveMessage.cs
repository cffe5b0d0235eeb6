using System.Text.Json;
using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// One proactive message: the activity, its delivery id (the same on every attempt to deliver this message, so a
/// receiver can de-duplicate by it) and the caller's record of its delivery.
/// </summary>
public sealed record ProactiveMessage(Activity Activity, string DeliveryId, IDeliveryRecord Record)
{
    /// <summary>Where Bot Framework and Direct Line carry the delivery id: Web Chat already treats it as the activity's identity.</summary>
    public const string ClientActivityIdKey = "clientActivityID";

    /// <summary>
    /// The activity with its delivery id in <c>channelData.clientActivityID</c>, which Web Chat treats as the
    /// identity of an activity (a second copy replaces the first). Not the activity's own <c>id</c>: that is the
    /// channel's to assign (protocol/botframework.md A2031).
    /// </summary>
    public Activity Identified() =>
        Activity with { ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, string> { [ClientActivityIdKey] = DeliveryId }) };
}
