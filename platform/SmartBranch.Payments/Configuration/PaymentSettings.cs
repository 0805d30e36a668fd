using Microsoft.Extensions.Configuration;

namespace SmartBranch.Payments.Configuration;

public enum PaymentGatewayKind
{
    /// <summary>No gateway: payment is not offered (production until a city configures one).</summary>
    None,
    Sandbox,
    Stripe,
}

/// <summary>
/// A tenant environment's payment settings, from configuration <c>Tenants:{slug}:{env}:Payments:*</c>:
/// <c>Gateway</c> (<c>Sandbox</c> | <c>Stripe</c>), <c>Methods</c> (<c>card</c>, <c>paypay</c>) and
/// <c>Stripe:SecretKey|WebhookSecret|ApiBaseUrl</c>. Staging defaults to the sandbox; production has no gateway until
/// one is configured, and never the sandbox. Secrets come only from configuration (environment variables, a secret store).
/// </summary>
public sealed record PaymentSettings(PaymentGatewayKind Gateway, IReadOnlyList<string> Methods, StripeSettings? Stripe)
{
    private static readonly string[] KnownMethods = [PaymentMethods.Card, PaymentMethods.PayPay];

    public static string SectionOf(string tenantSlug, string environmentName) => $"Tenants:{tenantSlug}:{environmentName}:Payments";

    /// <exception cref="PaymentGatewayException">A value is not one we know, or the sandbox is configured for production.</exception>
    public static PaymentSettings Read(IConfiguration configuration, string tenantSlug, string environmentName)
    {
        var section = configuration.GetSection(SectionOf(tenantSlug, environmentName));
        var isProduction = environmentName == "production";
        var gateway = section["Gateway"] switch
        {
            null or "" => isProduction ? PaymentGatewayKind.None : PaymentGatewayKind.Sandbox,
            var name when Enum.TryParse<PaymentGatewayKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) => kind,
            var name => throw new PaymentGatewayException($"決済ゲートウェイ「{name}」は使えません（Sandbox または Stripe を設定してください）。"),
        };
        if (gateway == PaymentGatewayKind.Sandbox && isProduction)
        {
            throw new PaymentGatewayException("本番環境ではテスト用の決済（Sandbox）は使えません。");
        }

        var methods = MethodsOf(section.GetSection("Methods"), gateway);
        var stripe = gateway == PaymentGatewayKind.Stripe ? StripeSettings.Read(section.GetSection("Stripe")) : null;
        return new PaymentSettings(gateway, methods, stripe);
    }

    // Either a list (Methods:0, Methods:1) or one comma-separated value (an environment variable).
    private static IReadOnlyList<string> MethodsOf(IConfigurationSection section, PaymentGatewayKind gateway)
    {
        var configured = (section.Value is { Length: > 0 } value ? value.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(m => m.Trim().ToLowerInvariant())
            .Where(m => m.Length > 0)
            .Distinct()
            .ToList();
        if (configured.FirstOrDefault(m => !KnownMethods.Contains(m)) is { } unknown)
        {
            throw new PaymentGatewayException($"支払方法「{unknown}」は使えません（card または paypay を設定してください）。");
        }

        // Stripe offers PayPay only once the city's account has it enabled, so it is opted into there.
        return configured.Count > 0 ? configured
            : gateway == PaymentGatewayKind.Stripe ? [PaymentMethods.Card]
            : KnownMethods;
    }
}

/// <param name="ApiBaseUrl">Stripe's API unless set (a stand-in in tests, a proxy).</param>
public sealed record StripeSettings(string SecretKey, string WebhookSecret, Uri? ApiBaseUrl)
{
    /// <exception cref="PaymentGatewayException">A key is missing or the URL is not absolute.</exception>
    public static StripeSettings Read(IConfigurationSection section)
    {
        var secretKey = section["SecretKey"];
        var webhookSecret = section["WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secretKey) || string.IsNullOrWhiteSpace(webhookSecret))
        {
            throw new PaymentGatewayException("Stripe の秘密鍵（Payments:Stripe:SecretKey）と Webhook 署名シークレット（Payments:Stripe:WebhookSecret）を設定してください。");
        }

        Uri? apiBaseUrl = null;
        if (section["ApiBaseUrl"] is { Length: > 0 } configured && !Uri.TryCreate(configured, UriKind.Absolute, out apiBaseUrl))
        {
            throw new PaymentGatewayException($"Payments:Stripe:ApiBaseUrl「{configured}」は絶対 URL ではありません。");
        }

        return new StripeSettings(secretKey, webhookSecret, apiBaseUrl);
    }

    // Never the secrets: settings end up in logs and exception messages.
    public override string ToString() => $"StripeSettings {{ ApiBaseUrl = {ApiBaseUrl} }}";
}
