using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>The shared part of resident pages: their assets and the session endpoint that turns a LIFF ID token into a resident session.</summary>
internal static class ResidentPageEndpoints
{
    private const string SignInTitle = "本人確認";

    public static void MapResidentPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ResidentPage.StyleSheetPath, () => Results.Text(ResidentPageAssets.StyleSheet, "text/css; charset=utf-8"));
        endpoints.MapGet(ResidentPage.SessionScriptPath, () => Results.Text(ResidentPageAssets.SessionScript, "text/javascript; charset=utf-8"));
        endpoints.MapPost("/r/{tenant}/{env}/session", SignInAsync).DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, ICurrentTenant currentTenant, IAntiforgery antiforgery, LiffIdTokenVerifier verifier, ResidentSessions sessions)
    {
        var tenant = currentTenant.Required;
        var line = tenant.Environment.Line;
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return ResidentPage.Error(StatusCodes.Status400BadRequest, SignInTitle,
                "画面の有効期限が切れました。LINE アプリから、もう一度開き直してください。", line);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var result = await verifier.VerifyAsync(line, form[ResidentSignIn.TokenField], http.RequestAborted);
        if (result.LineUserId is not { } lineUserId)
        {
            return result.Failure switch
            {
                LiffIdTokenFailure.Missing => ResidentPage.Error(StatusCodes.Status400BadRequest, SignInTitle,
                    "LINE の本人確認の情報が届きませんでした。LINE アプリから、もう一度開き直してください。", line),
                LiffIdTokenFailure.NotConfigured => ResidentPage.Error(StatusCodes.Status503ServiceUnavailable, SignInTitle,
                    "この画面はまだ準備中です（LINE ログインが設定されていません）。市の担当窓口にお問い合わせください。", line),
                LiffIdTokenFailure.Unavailable => ResidentPage.Error(StatusCodes.Status503ServiceUnavailable, SignInTitle,
                    "LINE に接続できませんでした。しばらくしてから、もう一度お試しください。", line),
                _ => ResidentPage.Error(StatusCodes.Status401Unauthorized, SignInTitle,
                    "LINE で本人確認ができませんでした（有効期限切れなど）。LINE アプリから、もう一度開き直してください。", line),
            };
        }

        sessions.SignIn(http, tenant, lineUserId);
        var basePath = ResidentSessions.BasePath(tenant);
        var returnPath = form[ResidentSignIn.ReturnPathField].ToString();
        var safeReturn = returnPath.StartsWith(basePath + "/", StringComparison.Ordinal) && !returnPath.Contains("//", StringComparison.Ordinal) && !returnPath.Contains('\\')
            ? returnPath
            : basePath + "/preferences";
        return Results.Redirect(safeReturn, permanent: false, preserveMethod: false);
    }
}
