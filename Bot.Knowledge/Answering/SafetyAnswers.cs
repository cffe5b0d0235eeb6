using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The fixed, reviewed answers for emergencies, self-harm, fear of reporting, fear of a dealer's revenge for a report
/// or a testimony, people seeking help, and requests to obtain or use drugs or to beat a test. They are not generated: every sentence here was checked against the
/// pack and the statutes, and each answer cites the passages it rests on.
/// </summary>
internal sealed partial class SafetyAnswers(PassageReader passages)
{
    private static readonly string[] EmergencyKeys = ["Layanan Darurat 119", "Call Center BNN 184", "UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55"];
    private static readonly string[] HelpKeys = ["UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55", "PP 25/2011 Pasal 3", "PP 25/2011 Pasal 4", "UU 35/2009 Pasal 128", "Call Center BNN 184"];
    private static readonly string[] FearKeys = ["UU 35/2009 Pasal 128", "UU 35/2009 Pasal 55", "PP 25/2011 Pasal 4", "PP 25/2011 Pasal 6", "PP 25/2011 Pasal 7", "PP 25/2011 Pasal 8", "PP 25/2011 Pasal 9", "PP 25/2011 Pasal 16", "UU 35/2009 Pasal 54", "Call Center BNN 184"];
    private static readonly string[] RetaliationKeys = ["UU 35/2009 Pasal 100", "UU 35/2009 Pasal 99", "PP 40/2013 Pasal 35", "PP 40/2013 Pasal 37", "PP 40/2013 Pasal 38", "PP 40/2013 Pasal 40", "PP 40/2013 Pasal 42", "UU 35/2009 Pasal 106", "UU 35/2009 Pasal 107", "Call Center BNN 184"];
    private static readonly string[] RefusalKeys = ["UU 35/2009 Pasal 114", "UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55", "Call Center BNN 184"];
    private static readonly string[] EvasionKeys = ["UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55", "UU 35/2009 Pasal 128", "PP 25/2011 Pasal 9", "Call Center BNN 184"];

    public Answer For(SafetyConcern concern, string? locale)
    {
        var english = AnswerTexts.IsEnglish(locale);
        var answer = concern switch
        {
            SafetyConcern.Emergency => Build(english ? EmergencyEn : EmergencyId, AnswerKind.Safety, EmergencyKeys),
            SafetyConcern.SelfHarm => Build(english ? SelfHarmEn : SelfHarmId, AnswerKind.Safety, EmergencyKeys),
            SafetyConcern.FearOfReporting => Build(english ? FearEn : FearId, AnswerKind.Safety, FearKeys),
            SafetyConcern.FearOfRetaliation => Build(english ? RetaliationEn : RetaliationId, AnswerKind.Safety, RetaliationKeys),
            SafetyConcern.SeekingHelp => Build(english ? HelpEn : HelpId, AnswerKind.Safety, HelpKeys),
            SafetyConcern.ObtainOrUse => Build(english ? RefusalEn : RefusalId, AnswerKind.Refused, RefusalKeys),
            SafetyConcern.Evasion => Build(english ? EvasionEn : EvasionId, AnswerKind.Refused, EvasionKeys),
            _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, "Only a safety concern has a fixed answer."),
        };
        return answer with { Concern = concern };
    }

    private Answer Build(string text, AnswerKind kind, string[] keys)
    {
        var citations = keys
            .Select(passages.FindPackPassage)
            .OfType<Passages.Passage>()
            .Select(p => new Citation(p.CitationKey, p.DocumentTitle, p.Pasal, p.Id, Excerpts.Lead(p.Text), p.Status))
            .ToList();
        return new Answer(text, kind, citations, 1.0) { Method = "safety" };
    }
}
