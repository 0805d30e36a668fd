using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Payments.Sandbox;

/// <summary>
/// <c>GET/POST /r/{tenant}/{env}/payments/sandbox/{id}?t=…</c>: the sandbox's hosted checkout. Paying with
/// <see cref="ApprovedCard"/> or test PayPay posts the signed completion to the webhook and, once it is accepted, returns
/// the resident to the order's success page; <see cref="DeclinedCard"/> is declined as a real card would be.
/// </summary>
public static class SandboxCheckoutEndpoints
{
    public const string Page = "payments/sandbox";
    public const string TokenField = "t";
    public const string ApprovedCard = "4242424242424242";
    public const string DeclinedCard = "4000000000000002";

    public static void MapSandboxCheckout(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}/{{id}}", Show);
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Page}/{{id}}", PayAsync).DisableAntiforgery();
    }

    private static IResult Show(string id, HttpContext http, ICurrentTenant currentTenant, SandboxCheckoutTokens tokens)
    {
        var tenant = currentTenant.Required;
        var token = http.Request.Query[TokenField].ToString();
        return CheckoutOf(id, token, tenant, tokens) is { } checkout
            ? SandboxCheckoutPage.Form(checkout, token, tenant, http.Request.Path, error: null, StatusCodes.Status200OK)
            : SandboxCheckoutPage.Expired(tenant);
    }

    private static async Task<IResult> PayAsync(string id, HttpContext http, ICurrentTenant currentTenant, SandboxCheckoutTokens tokens, IPaymentGateways gateways)
    {
        var tenant = currentTenant.Required;
        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var token = form[TokenField].ToString();
        if (CheckoutOf(id, token, tenant, tokens) is not { } checkout)
        {
            return SandboxCheckoutPage.Expired(tenant);
        }

        if (form["action"] == "cancel")
        {
            return Results.Redirect(checkout.CancelUrl.AbsoluteUri);
        }

        var method = form["method"].ToString();
        var card = new string(form["card"].ToString().Where(char.IsAsciiDigit).ToArray());
        var refusal = !checkout.Methods.Contains(method) ? (StatusCodes.Status400BadRequest, "支払方法を選んでください。")
            : method != PaymentMethods.Card || card == ApprovedCard ? ((int, string)?)null
            : card == DeclinedCard ? (StatusCodes.Status402PaymentRequired, "このカードはご利用いただけませんでした（テスト用の拒否カードです）。別のカードか PayPay でお支払いください。")
            : (StatusCodes.Status400BadRequest, "テスト用のカード番号（4242 4242 4242 4242）を入力してください。");
        if (refusal is var (status, message))
        {
            return SandboxCheckoutPage.Form(checkout, token, tenant, http.Request.Path, message, status);
        }

        if (gateways.For(tenant.TenantSlug, tenant.EnvironmentName) is not SandboxPaymentGateway sandbox)
        {
            return SandboxCheckoutPage.Expired(tenant);
        }

        return await sandbox.CompleteAsync(checkout, http.RequestAborted)
            ? Results.Redirect(checkout.SuccessUrl.AbsoluteUri)
            : SandboxCheckoutPage.Form(
                checkout, token, tenant, http.Request.Path, "お支払いを確定できませんでした。しばらくしてから、もう一度お試しください。", StatusCodes.Status502BadGateway);
    }

    private static SandboxCheckout? CheckoutOf(string id, string? token, TenantContext tenant, SandboxCheckoutTokens tokens) =>
        tokens.Read(token) is { } checkout && checkout.Id == id && checkout.TenantSlug == tenant.TenantSlug && checkout.EnvironmentName == tenant.EnvironmentName
            ? checkout
            : null;
}
