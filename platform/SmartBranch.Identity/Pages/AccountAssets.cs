using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartBranch.Identity.Pages;

/// <summary>The sign-in pages' style sheet and language switch.</summary>
internal static class AccountAssets
{
    private const string StyleSheet = """
        :root { color-scheme: light; font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic", system-ui, sans-serif; }
        body { margin: 0; background: #f4f6f8; color: #1b1f24; line-height: 1.6; }
        header { display: flex; justify-content: space-between; align-items: center; padding: .75rem 1rem; background: #06c755; color: #fff; }
        header a { color: #fff; }
        .product { font-weight: 700; }
        main { max-width: 28rem; margin: 1.5rem auto; padding: 1.5rem; background: #fff; border-radius: .5rem; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
        h1 { font-size: 1.4rem; margin-top: 0; }
        label { display: block; margin-top: 1rem; font-weight: 600; }
        input { box-sizing: border-box; width: 100%; padding: .7rem; font-size: 1rem; border: 1px solid #8a939c; border-radius: .3rem; }
        input:focus, button:focus, a:focus { outline: 3px solid #1a73e8; outline-offset: 2px; }
        button { margin-top: 1.25rem; width: 100%; padding: .8rem; font-size: 1rem; font-weight: 700; color: #fff; background: #05a045; border: 0; border-radius: .3rem; cursor: pointer; }
        .message { padding: .75rem; background: #fff4e5; border-left: 4px solid #e08600; }
        .qr svg { width: 100%; max-width: 16rem; height: auto; display: block; margin: 1rem auto; }
        code, .codes { font-family: ui-monospace, monospace; font-size: 1.05rem; word-break: break-all; }
        .codes { columns: 2; list-style: none; padding: 0; }
        """;

    public static void MapAccountAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/account/account.css", () => Results.Text(StyleSheet, "text/css; charset=utf-8"));
        endpoints.MapGet("/account/language", (HttpContext context, string? lang, string? returnUrl) =>
        {
            context.Response.Cookies.Append(AccountText.LanguageCookie, lang == "en" ? "en" : "ja", new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : AccountPageModel.HomePath);
        });
    }
}
