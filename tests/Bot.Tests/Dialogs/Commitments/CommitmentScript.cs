using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Commitments;

/// <summary>Registers a commitment through the chat with plain answers (target 100 orang, deadline 30/6, B6 and B12).</summary>
internal static class CommitmentScript
{
    public static async Task RegisterAsync(ConversationDriver fokal, string title, string confirm = "ya")
    {
        foreach (var answer in new[] { "rencana aksi baru", "Pencegahan", "Sosialisasi", title, "jumlah peserta", "100 orang", "Kandangan", "lewati", "30/6", "B6 dan B12" })
        {
            await fokal.SendAsync(answer);
        }

        await fokal.SayAsync(confirm, confirm == "ya" ? "Tersimpan" : "dibatalkan");
    }
}
