using System.Text.RegularExpressions;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Spots messages that must not get an ordinary search answer: a medical emergency after drug use, a person
/// seeking help for their own or a relative's addiction, and requests for how to obtain or use drugs.
/// Checked before retrieval, in that order (a life comes first).
/// </summary>
internal sealed partial class SafetyGuard : ISafetyScreen
{
    public SafetyConcern Screen(string text) => Classify(text);

    public static SafetyConcern Classify(string question)
    {
        var text = Spaces().Replace(question.ToLowerInvariant(), " ");
        if (Overdose().IsMatch(text) || (Collapse().IsMatch(text) && DrugContext().IsMatch(text)))
        {
            return SafetyConcern.Emergency;
        }

        if (Procure().IsMatch(text) || UseHowTo().IsMatch(text))
        {
            return SafetyConcern.ObtainOrUse;
        }

        return SeekingHelp().IsMatch(text) || (QuitWish().IsMatch(text) && DrugContext().IsMatch(text))
            ? SafetyConcern.SeekingHelp
            : SafetyConcern.None;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(overdosis|overdose|over dosis|\bod\b|sakaratul)")]
    private static partial Regex Overdose();

    [GeneratedRegex(@"(tidak|tak|gak|ga|nggak) sadar(kan)? diri|pingsan|kejang|(napas|nafas)\w* (lemah|sesak|berhenti|tersengal|pelan|hilang)|sesak (napas|nafas)|bibir\w* (biru|membiru)|tidak bernapas|unconscious|not breathing|passed out|seizure")]
    private static partial Regex Collapse();

    [GeneratedRegex(@"narkoba|narkotika|sabu|ganja|ekstasi|inex|heroin|putaw|pil|obat|memakai|pakai|make|nyabu|drug|mabuk|tembakau gorila")]
    private static partial Regex DrugContext();

    // Where/how to buy or get a drug, including "siapa yang jual sabu di ...". The gaps may not cross a
    // word about help ("cara mendapatkan rehabilitasi narkoba" is a fine question).
    [GeneratedRegex(@"((di ?mana|dimana|tempat|cara|gimana|bagaimana|mau|ingin|pengen|pengin|where|how)(?:(?!rehab|layanan|bantuan|perlindungan|informasi|izin|obat\b|pengobatan|perawatan|konsultasi|penghargaan|premi).){0,30}\b(beli|membeli|dapat|dapatkan|dapetin|mendapatkan|cari|mencari|pesan|order|buy|get|score)\b|siapa (yang )?(jual|menjual|jualan))(?:(?!rehab|layanan|bantuan|perlindungan|informasi|izin|pengobatan|perawatan|konsultasi).){0,30}(narkoba|narkotika|sabu|shabu|ganja|cimeng|ekstasi|inex|heroin|putaw|kokain|tembakau gorila|obat terlarang|weed|meth|cocaine|ecstasy)")]
    private static partial Regex Procure();

    // How to use, make, grow, dose or hide a drug.
    [GeneratedRegex(@"(cara|gimana|bagaimana|how to|how do i|tips).{0,20}\b(memakai|pakai|make|konsumsi|mengonsumsi|membuat|bikin|meracik|masak|menanam|nanam|menyembunyikan|menyelundupkan|mengedarkan|use|make|cook|grow|smoke|hide|smuggle)\b.{0,30}(narkoba|narkotika|sabu|shabu|ganja|cimeng|ekstasi|inex|heroin|putaw|kokain|tembakau gorila|weed|meth|cocaine|ecstasy)|\bdosis\b.{0,20}(sabu|ganja|ekstasi|heroin|narkoba)")]
    private static partial Regex UseHowTo();

    // The asker or someone close to them is addicted: a first-person word near an addiction word, or
    // "saya / anak saya (seorang) pecandu".
    [GeneratedRegex(@"\b(saya|aku|gue|gw|sy|kami|ku|my|i am|i'm)\b.{0,60}\b(kecanduan|ketagihan|sakau|ketergantungan|addicted|addiction|hooked)\b|\b(kecanduan|ketagihan|sakau)\b.{0,40}\b(saya|aku|gue|kami)\b|\b(saya|aku|gue|gw|sy|\w+ saya|\w+ku) (ini )?(adalah )?(seorang )?(pecandu|pemakai)\b")]
    private static partial Regex SeekingHelp();

    [GeneratedRegex(@"(ingin|mau|pengen|pengin|harus|bisa|want to|how (can|do) i).{0,15}\b(berhenti|lepas|stop|quit|sembuh)\b")]
    private static partial Regex QuitWish();
}
