namespace Bot.Host.Channels.WhatsApp;

/// <summary>How WhatsApp parties appear in activities: one conversation per (business number, user) pair.</summary>
internal static class WhatsAppAddress
{
    public const string ChannelId = "whatsapp";

    /// <summary>Not an HTTP callback: replies go through the Graph API, never to this value.</summary>
    public const string ServiceUrl = "urn:sinergi:whatsapp-cloud";

    public static string ConversationId(string phoneNumberId, string waId) => phoneNumberId + ":" + waId;

    /// <summary>Splits "phone_number_id:wa_id"; false when the id is not one of ours.</summary>
    public static bool TryParse(string? conversationId, out string phoneNumberId, out string waId)
    {
        var colon = conversationId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (conversationId is null || colon <= 0 || colon == conversationId.Length - 1)
        {
            phoneNumberId = waId = string.Empty;
            return false;
        }

        phoneNumberId = conversationId[..colon];
        waId = conversationId[(colon + 1)..];
        return true;
    }
}
