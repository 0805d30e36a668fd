using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>
/// The page residents (or staff) get during a window: 503 with Retry-After until the window ends, saying until
/// when, why, and where to go meanwhile, the phone number as a link a phone can call.
/// </summary>
public static class MaintenancePage
{
    public const string Title = "メンテナンス中です";

    public static int RetryAfterSeconds(MaintenanceWindow window, DateTimeOffset now) =>
        (int)Math.Clamp(Math.Ceiling((window.EndsAt - now).TotalSeconds), 60, TimeSpan.FromDays(2).TotalSeconds);

    /// <param name="serviceName">What is stopped, as the reader knows it (住民: LINE サービス).</param>
    public static string Body(MaintenanceWindow window, string tenantName, string serviceName = "LINE サービス")
    {
        static string E(string text) => ResidentPage.Encode(text);
        var hours = window.AlternativeHours is { } h ? $"<dt>受付時間</dt><dd>{E(h)}</dd>" : "";
        var phoneDigits = new string([.. window.AlternativePhone.Where(char.IsAsciiDigit)]);
        return $"""
            <h1>{E(Title)}</h1>
            <p class="notice" role="status">{E(tenantName)}の{E(serviceName)}は、メンテナンスのため <strong>{E(MaintenanceTime.Until(window.EndsAt))}</strong> までご利用いただけません。ご迷惑をおかけします。</p>
            <dl class="maintenance-facts">
            <dt>期間</dt><dd>{E(MaintenanceTime.Describe(window.StartsAt, window.EndsAt))}</dd>
            <dt>理由</dt><dd>{E(window.Reason)}</dd>
            </dl>
            <h2>お急ぎの方は</h2>
            <p>メンテナンス中のお手続き・お問い合わせは、次の窓口をご利用ください。</p>
            <dl class="maintenance-facts">
            <dt>窓口</dt><dd>{E(window.AlternativeCounter)}</dd>
            <dt>電話</dt><dd><a href="tel:{E(phoneDigits)}">{E(window.AlternativePhone)}</a></dd>
            {hours}
            </dl>
            <p>終了後に、もう一度開き直してください。</p>
            """;
    }

    /// <summary>The page for city staff when the portal stops: no LIFF, nothing but the style sheet.</summary>
    public static Task WriteStaffPageAsync(HttpContext context, MaintenanceWindow window, TenantContext tenant, DateTimeOffset now)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.RetryAfter = RetryAfterSeconds(window, now).ToString(CultureInfo.InvariantCulture);
        response.Headers.ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        var document = $"""
            <!doctype html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{ResidentPage.Encode(Title)}</title>
            <link rel="stylesheet" href="{ResidentPage.StyleSheetPath}">
            </head>
            <body>
            <main id="main" class="page">
            {Body(window, tenant.Tenant.Name, "職員ポータル")}
            </main>
            </body>
            </html>
            """;
        return response.WriteAsync(document, Encoding.UTF8, context.RequestAborted);
    }

    public static Task WriteResidentPageAsync(HttpContext context, MaintenanceWindow window, TenantContext tenant, DateTimeOffset now)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds(window, now).ToString(CultureInfo.InvariantCulture);
        return new ResidentPage(StatusCodes.Status503ServiceUnavailable, "ja", Title, Body(window, tenant.Tenant.Name), tenant.Environment.Line, [])
            .ExecuteAsync(context);
    }
}
