using System.Collections.Concurrent;
using System.Globalization;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// A feature for channel tests: records every message activity the router sees, answers "pilih N" with N
/// suggested actions "Opsi 1".."Opsi N" (or long titles with "pilih panjang N"), and echoes an "Opsi …" answer; "panjang" is a reply longer than one WhatsApp message.
/// </summary>
public sealed class RecordingHandler : ITurnHandler
{
    private readonly ConcurrentQueue<Activity> _seen = new();

    public IReadOnlyList<Activity> Seen => [.. _seen];

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        _seen.Enqueue(turn.Activity);
        var words = turn.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 2 or 3 && words[0] == "pilih" && (words.Length == 2 || words[1] == "panjang"))
        {
            var count = int.Parse(words[^1], CultureInfo.InvariantCulture);
            var prefix = words.Length == 3 ? "Kegiatan sosialisasi nomor " : "Opsi ";
            turn.SendText("Silakan **pilih** satu:", Enumerable.Range(1, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)));
            return Task.FromResult(true);
        }

        if (turn.Text == "panjang")
        {
            turn.SendText(string.Join("\n\n", Enumerable.Range(1, 900).Select(i => "Paragraf " + i.ToString(CultureInfo.InvariantCulture))), ["Opsi 1", "Opsi 2"]);
            return Task.FromResult(true);
        }

        if (turn.Text.StartsWith("Opsi ", StringComparison.Ordinal) || turn.Text.StartsWith("Kegiatan ", StringComparison.Ordinal))
        {
            turn.SendText("dipilih: " + turn.Text);
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }
}
