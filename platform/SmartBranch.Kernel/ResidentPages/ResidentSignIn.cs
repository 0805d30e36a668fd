using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>
/// The first step of every resident page: a resident without a session gets a page that asks LIFF for their ID
/// token and posts it to <c>/r/{tenant}/{env}/session</c>, which verifies it and comes back to the page asked for.
/// </summary>
public sealed class ResidentSignIn(IAntiforgery antiforgery)
{
    public const string TokenField = "id_token";
    public const string ReturnPathField = "return_path";

    public IResult Page(HttpContext http, TenantContext tenant, string title)
    {
        var line = tenant.Environment.Line;
        if (string.IsNullOrWhiteSpace(line.LiffId))
        {
            return ResidentPage.Error(StatusCodes.Status503ServiceUnavailable, title,
                "この画面はまだ準備中です（LIFF アプリが設定されていません）。市の担当窓口にお問い合わせください。", line);
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = $"""
            <h1>{ResidentPage.Encode(title)}</h1>
            <p id="liff-status" class="notice" role="status" aria-live="polite">LINE で本人確認をしています。しばらくお待ちください。</p>
            <noscript><p class="notice notice-error">この画面を使うには、JavaScript を有効にして LINE アプリから開いてください。</p></noscript>
            <form id="liff-session" method="post" action="{ResidentSessions.BasePath(tenant)}/session" hidden
                  data-liff-id="{ResidentPage.Encode(line.LiffId)}"
                  data-sdk-failed="LINE の機能を読み込めませんでした。通信環境を確かめて、LINE アプリからもう一度開いてください。"
                  data-init-failed="LINE で本人確認ができませんでした。LINE アプリからもう一度開いてください。">
            <input type="hidden" name="{ResidentPage.Encode(tokens.FormFieldName)}" value="{ResidentPage.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="{TokenField}" value="">
            <input type="hidden" name="{ReturnPathField}" value="{ResidentPage.Encode(http.Request.Path.Value ?? "")}">
            </form>
            """;
        return ResidentPage.Ok("ja", title, body, line, ResidentPage.SessionScriptPath);
    }
}
