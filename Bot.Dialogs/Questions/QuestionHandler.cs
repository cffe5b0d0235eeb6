using System.Text;
using System.Text.RegularExpressions;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Telemetry;
using Bot.Knowledge.Answering;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Questions;

/// <summary>
/// Regulation Q&amp;A, the fallback for free text: any message no other handler claimed is a question. The
/// reply carries the answer, a "Sumber:" list (document and Pasal) and, for ordinary answers, one button per cited
/// passage that asks for its full text ("Baca UU 35/2009 Pasal 54"), which this handler answers too. Safety
/// answers (emergency, fear of reporting, help, refusals) keep their sources but get no buttons; a question
/// outside the domain gets the short domain answer alone.
/// Without the knowledge services registered it claims nothing.
/// </summary>
internal sealed partial class QuestionHandler(
    ILogger<QuestionHandler> logger,
    SinergiTelemetry telemetry,
    IQuestionAnswerer? answerer = null,
    IPassageReader? passages = null) : ITurnHandler
{
    private const int MaxButtons = 3;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (answerer is null || passages is null || turn.Text.Length == 0)
        {
            return false;
        }

        if (ReadCommand().Match(turn.Text) is { Success: true } read)
        {
            SendPassage(turn, read.Groups["key"].Value.Trim());
            return true;
        }

        using var answering = SinergiTelemetry.StartAnswering();
        Answer answer;
        try
        {
            answer = await answerer.AnswerAsync(turn.Text, turn.Locale, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The index folder is unreadable or locked: say so once rather than fail the turn.
            logger.LogError(ex, "Question answering failed");
            turn.SendText(QuestionTexts.Unavailable);
            return true;
        }

        telemetry.Answered(answering, answer);
        turn.SendText(Compose(turn, answer), ReadButtons(turn, answer));
        return true;
    }

    private static string Compose(TurnContext turn, Answer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return answer.Text;
        }

        var text = new StringBuilder(answer.Text).Append("\n\n").Append(turn.T(QuestionTexts.Sources));
        foreach (var citation in answer.Citations.DistinctBy(c => c.Key))
        {
            text.Append("\n- ").Append(citation.Key).Append(" — ").Append(citation.DocumentTitle);
        }

        return text.ToString();
    }

    /// <summary>
    /// "Read the article" buttons for ordinary answers only: someone in an emergency or asking for help needs the
    /// numbers in the text, not three buttons to statute texts.
    /// </summary>
    private static List<string> ReadButtons(TurnContext turn, Answer answer) =>
        answer.Kind != AnswerKind.Answered ? [] : answer.Citations
            .Select(c => c.Key)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxButtons)
            .Select(key => $"{turn.T(QuestionTexts.ReadPrefix)} {key}")
            .ToList();

    private void SendPassage(TurnContext turn, string key)
    {
        var passage = passages!.GetByKey(key);
        if (passage is null)
        {
            turn.SendText(QuestionTexts.PassageNotFound.Format(turn.Locale, key));
            return;
        }

        var text = new StringBuilder()
            .Append("**").Append(passage.Key).Append("** — ").Append(passage.DocumentTitle);
        if (passage.Heading is { } heading)
        {
            text.Append("\n_").Append(heading).Append('_');
        }

        text.Append("\n\n").Append(passage.Text.Replace("\n", "\n\n", StringComparison.Ordinal));
        if (passage.Explanation is { } explanation)
        {
            text.Append("\n\n").Append(turn.T(QuestionTexts.Explanation)).Append(' ').Append(explanation);
        }

        text.Append("\n\n_").Append(QuestionTexts.Status.Format(turn.Locale, passage.Status)).Append('_');
        if (!passage.IsOfficialText)
        {
            text.Append('\n').Append(turn.T(QuestionTexts.PackSummary));
        }

        turn.SendText(text.ToString());
    }

    // "Baca UU 35/2009 Pasal 54", "read PP 25/2011 Pasal 4", "baca pasal: Inpres 2/2020".
    [GeneratedRegex(@"^(baca|read)\s+(?<key>(UU|PP|Perpres|Inpres|Permendagri|Permenkes|Perda|Peraturan|Perka|Call|Layanan|KOTAN|IKOTAN|Sismonev|Kawasan|Ketahanan)\b.{0,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadCommand();
}
