using System.Net;
using Bot.Dialogs.Dashboard;

namespace Bot.Host.Web.Dashboard;

/// <summary>The small stand-alone pages around the dashboard: refusals, the sign-in confirmation, signed out.</summary>
internal static class NoticePages
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}" +
        "h1{font-size:1.4rem;color:#0b5a3c}button{font-size:1.1rem;padding:.7rem 1.4rem;border:0;border-radius:.4rem;background:#0b5a3c;color:#fff}";

    public static IResult Unauthorised(HttpContext http) => Page(http, StatusCodes.Status401Unauthorized, "Perlu masuk",
        "<p>Dasbor koordinator hanya bisa dibuka setelah masuk. Ketik <strong>dasbor</strong> di chat Sinergi untuk menerima tautan masuk " +
        "(berlaku sekali, 15 menit).</p><p lang=\"en\">The coordinator dashboard needs a sign-in: type <strong>dashboard</strong> in the Sinergi chat.</p>");

    public static IResult Forbidden(HttpContext http, string message) =>
        Page(http, StatusCodes.Status403Forbidden, "Ditolak", "<p>" + WebUtility.HtmlEncode(message) + "</p>");

    public static IResult BadRequest(HttpContext http, string message) =>
        Page(http, StatusCodes.Status400BadRequest, "Tidak bisa diproses", "<p>" + WebUtility.HtmlEncode(message) + "</p>");

    public static IResult TooLarge(HttpContext http) => Page(http, StatusCodes.Status413PayloadTooLarge, "Formulir terlalu besar",
        "<p>Formulir dasbor hanya berisi beberapa isian pendek; kiriman ini jauh lebih besar dan tidak diproses. Muat ulang halaman lalu coba lagi.</p>");

    public static IResult SignInRefused(HttpContext http, SignInRefusal refusal) => Page(http, StatusCodes.Status403Forbidden, "Tautan tidak bisa dipakai",
        "<p>" + WebUtility.HtmlEncode(Explain(refusal)) + "</p><p>Ketik <strong>dasbor</strong> di chat Sinergi untuk meminta tautan baru.</p>");

    public static IResult ConfirmSignIn(HttpContext http, string token) => Page(http, StatusCodes.Status200OK, "Masuk ke dasbor koordinator",
        "<p>Tautan ini hanya bisa dipakai sekali. Tekan tombol untuk masuk.</p>" +
        "<form method=\"post\" action=\"" + DashboardLinkIssuer.SignInPath + "\">" +
        "<input type=\"hidden\" name=\"t\" value=\"" + WebUtility.HtmlEncode(token) + "\">" +
        "<button type=\"submit\" id=\"masuk\">Masuk</button></form>");

    public static IResult SignedOut(HttpContext http) => Page(http, StatusCodes.Status200OK, "Anda sudah keluar",
        "<p>Sesi dasbor sudah diakhiri. Ketik <strong>dasbor</strong> di chat untuk masuk lagi.</p>");

    private static string Explain(SignInRefusal refusal) => refusal switch
    {
        SignInRefusal.Expired => "Tautan ini sudah kedaluwarsa (berlaku 15 menit).",
        SignInRefusal.AlreadyUsed => "Tautan ini sudah pernah dipakai; setiap tautan hanya berlaku sekali.",
        SignInRefusal.NotCoordinator => "Dasbor hanya untuk koordinator.",
        _ => "Tautan ini tidak sah.",
    };

    private static IResult Page(HttpContext http, int status, string title, string body)
    {
        SecurityHeaders.Apply(http.Response, bare: true);
        var html = "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
            "<meta name=\"robots\" content=\"noindex\"><title>" + WebUtility.HtmlEncode(title) + " · Sinergi</title><style>" + Style + "</style></head>" +
            "<body><h1>" + WebUtility.HtmlEncode(title) + "</h1>" + body + "</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
