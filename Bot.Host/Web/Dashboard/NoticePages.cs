using Bot.Dialogs.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Web.Dashboard;

/// <summary>The notices of <see cref="NoticePage"/>, each with its status code and the bare security headers.</summary>
internal static class NoticePages
{
    public static IResult Unauthorised(HttpContext http) => Page(http, StatusCodes.Status401Unauthorized, "Perlu masuk", NoticeKind.Unauthorised);

    public static IResult Forbidden(HttpContext http, string message) => Page(http, StatusCodes.Status403Forbidden, "Ditolak", NoticeKind.Message, message);

    public static IResult BadRequest(HttpContext http, string message) => Page(http, StatusCodes.Status400BadRequest, "Tidak bisa diproses", NoticeKind.Message, message);

    public static IResult TooLarge(HttpContext http) => Page(http, StatusCodes.Status413PayloadTooLarge, "Formulir terlalu besar", NoticeKind.TooLarge);

    public static IResult SignInRefused(HttpContext http, SignInRefusal refusal) =>
        Page(http, StatusCodes.Status403Forbidden, "Tautan tidak bisa dipakai", NoticeKind.SignInRefused, Explain(refusal));

    public static IResult ConfirmSignIn(HttpContext http, string token) =>
        Page(http, StatusCodes.Status200OK, "Masuk ke dasbor koordinator", NoticeKind.ConfirmSignIn, token);

    public static IResult SignedOut(HttpContext http) => Page(http, StatusCodes.Status200OK, "Anda sudah keluar", NoticeKind.SignedOut);

    private static string Explain(SignInRefusal refusal) => refusal switch
    {
        SignInRefusal.Expired => "Tautan ini sudah kedaluwarsa (berlaku 15 menit).",
        SignInRefusal.AlreadyUsed => "Tautan ini sudah pernah dipakai; setiap tautan hanya berlaku sekali.",
        SignInRefusal.NotCoordinator => "Dasbor hanya untuk koordinator.",
        _ => "Tautan ini tidak sah.",
    };

    private static RazorComponentResult<NoticePage> Page(HttpContext http, int status, string title, NoticeKind kind, string? message = null)
    {
        SecurityHeaders.Apply(http.Response, bare: true);
        return new RazorComponentResult<NoticePage>(new { Title = title, Kind = kind, Message = message }) { StatusCode = status };
    }
}

/// <summary>Which notice <see cref="NoticePage"/> shows.</summary>
public enum NoticeKind
{
    Message,
    Unauthorised,
    TooLarge,
    SignInRefused,
    ConfirmSignIn,
    SignedOut,
}
