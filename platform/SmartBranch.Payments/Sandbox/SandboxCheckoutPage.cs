using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Payments.Sandbox;

/// <summary>The sandbox checkout as a resident page: marked テスト用 throughout, the items and total, the test methods.</summary>
internal static class SandboxCheckoutPage
{
    private const string Title = "お支払い（テスト用）";

    public static IResult Form(SandboxCheckout checkout, string token, TenantContext tenant, string path, string? error, int statusCode)
    {
        var body = new StringBuilder()
            .Append("""<p class="notice" role="note"><strong>テスト用の決済画面です。</strong>実際のお金は支払われません。</p>""")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Title}</h1>");
        if (error is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<p class="notice notice-error" role="alert" id="pay-error">{ResidentPage.Encode(error)}</p>""");
        }

        body.Append("<h2>お支払い内容</h2><ul>");
        foreach (var line in checkout.Lines)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<li>{ResidentPage.Encode(line.Name)}　{Yen(line.UnitAmountYen)} × {line.Quantity}　= {Yen(line.UnitAmountYen * line.Quantity)}</li>");
        }

        var invalid = error is null ? "" : """ aria-invalid="true" aria-describedby="pay-error card-hint" """.Trim();
        body.Append(CultureInfo.InvariantCulture, $"""</ul><p><strong>合計 {Yen(checkout.TotalYen)}</strong></p>""")
            .Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{ResidentPage.Encode(path)}">""")
            .Append(CultureInfo.InvariantCulture, $"""<input type="hidden" name="{SandboxCheckoutEndpoints.TokenField}" value="{ResidentPage.Encode(token)}">""")
            .Append("<fieldset><legend>支払方法</legend>");
        foreach (var method in checkout.Methods)
        {
            var isFirst = method == checkout.Methods[0] ? " checked" : "";
            body.Append(CultureInfo.InvariantCulture,
                $"""<div class="choice"><input type="radio" id="method-{method}" name="method" value="{method}"{isFirst}><label for="method-{method}">{MethodName(method)}</label></div>""");
        }

        body.Append("</fieldset>");
        if (checkout.Methods.Contains(PaymentMethods.Card))
        {
            body.Append("""<div class="field"><label class="question-label" for="card">テスト用カード番号</label>""")
                .Append("""<p class="question-hint" id="card-hint">支払えるカード: 4242 4242 4242 4242 ／ 拒否されるカード: 4000 0000 0000 0002（PayPay では入力不要）</p>""")
                .Append(CultureInfo.InvariantCulture, $"""<input type="text" id="card" name="card" inputmode="numeric" autocomplete="off" {(invalid.Length > 0 ? invalid : "aria-describedby=\"card-hint\"")}></div>""");
        }

        body.Append(CultureInfo.InvariantCulture, $"""<button type="submit" name="action" value="pay">{Yen(checkout.TotalYen)}を支払う（テスト）</button>""")
            .Append("""<button type="submit" name="action" value="cancel" class="secondary">支払わずに戻る</button></form>""");
        return new ResidentPage(statusCode, "ja", Title, body.ToString(), tenant.Environment.Line, []) { UsesLiff = false };
    }

    public static IResult Expired(TenantContext tenant) => ResidentPage.Error(
        StatusCodes.Status410Gone, "この決済画面は使えません", "期限が切れたか、URL が正しくありません。申請の画面から、もう一度お支払いを始めてください。", tenant.Environment.Line);

    private static string Yen(long amount) => string.Create(CultureInfo.InvariantCulture, $"{amount:N0}円");

    private static string MethodName(string method) => method switch
    {
        PaymentMethods.Card => "クレジットカード（テスト）",
        PaymentMethods.PayPay => "PayPay（テスト）",
        _ => ResidentPage.Encode(method),
    };
}
