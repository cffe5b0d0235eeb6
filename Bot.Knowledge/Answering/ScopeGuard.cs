using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Kinds of fact that regulations never hold, whatever words the question shares with them: street prices,
/// personal contacts, who holds an office now, event schedules, local statistics and budgets, employment
/// discipline, and how to operate an application account. Such questions get the honest "not in my sources"
/// answer with a referral instead of a look-alike passage. These are categories of question, not questions.
/// </summary>
internal static partial class ScopeGuard
{
    public static bool IsOutOfScope(string question)
    {
        var text = Spaces().Replace(question.ToLowerInvariant(), " ");
        return Price().IsMatch(text) || Contact().IsMatch(text) || OfficeHolder().IsMatch(text) || Schedule().IsMatch(text)
            || LocalFigures().IsMatch(text) || Employment().IsMatch(text) || Account().IsMatch(text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bharga\b|\bberapa (duit|rupiah|ribu|juta)\b.{0,20}\b(per|se)\s?(gram|linting|butir|paket|ons)|\bprice\b|\bhow much (is|does|for)\b")]
    private static partial Regex Price();

    [GeneratedRegex(@"\b(nomor|no\.?) ?(hp|wa|whatsapp|telepon|telp|handphone|ponsel|pribadi)\b|\b(hp|wa|whatsapp|ponsel) pribadi|\balamat rumah\b|\bphone number\b|\bpersonal (number|contact)\b")]
    private static partial Regex Contact();

    [GeneratedRegex(@"\bsiapa\b.{0,40}\b(kepala|ketua|bupati|wali ?kota|gubernur|camat|kapolres|kapolda|kasat|direktur|menteri)\b.{0,50}\b(sekarang|saat ini|terbaru|sekarang ini|kini|periode ini)\b|\bsiapa nama (kepala|ketua|bupati|wali ?kota|gubernur|camat|kapolres|kapolda)\b|\bwho is the (current )?(head|chief|regent|governor)\b")]
    private static partial Regex OfficeHolder();

    [GeneratedRegex(@"\bkapan\b.{0,30}\b(lomba|acara|kegiatan|sosialisasi|penyuluhan|pendaftaran|pemilihan|pilkada|pemilu|seleksi|rekrutmen|lowongan|razia|operasi)\b|\bjadwal\b|\b(bulan|minggu|pekan|tahun) depan\b|\bbesok\b|\blusa\b|\bberikutnya\b|\bschedule\b|\bnext (week|month|year)\b|\btomorrow\b|\bcuaca\b")]
    private static partial Regex Schedule();

    [GeneratedRegex(@"\b(skor|peringkat|ranking|rangking|anggaran|dana)\b.{0,60}\b(tahun \d{4}|\d{4}|tahun (ini|lalu|kemarin))\b|\b(jumlah|berapa banyak|berapa orang|data) (pengguna|pemakai|pecandu|kasus|tersangka|penangkapan|tahanan)\b.{0,60}\b(di|tahun)\b|\b(skor|nilai) ikotan\b.{0,40}\b(kabupaten|kota|kab|hss|\d{4})\b")]
    private static partial Regex LocalFigures();

    [GeneratedRegex(@"\b(dipecat|pecat|pemecatan|di-?phk|phk|hukuman disiplin|sanksi disiplin|fired|dismissed)\b")]
    private static partial Regex Employment();

    [GeneratedRegex(@"\b(akun|account|password|kata sandi|login|log in|username|lupa sandi|reset)\b")]
    private static partial Regex Account();
}
