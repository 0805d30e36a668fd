using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Payments.Sandbox;
using SmartBranch.Payments.Stripe;
using Stripe;

namespace SmartBranch.Payments.Configuration;

/// <summary>
/// Each tenant environment's gateway from its <see cref="PaymentSettings"/>, read on every call so that a changed
/// setting applies at once; Stripe clients (and their connections) are kept per secret key and API base URL.
/// </summary>
public sealed class PaymentGateways(
    IConfiguration configuration,
    ITenantCatalog catalog,
    ResidentPageLinks links,
    SandboxCheckoutTokens sandboxTokens,
    SandboxWebhookPoster sandboxPoster,
    TimeProvider clock) : IPaymentGateways
{
    private readonly ConcurrentDictionary<(string SecretKey, Uri? ApiBaseUrl), IStripeClient> _stripeClients = new();

    public IPaymentGateway For(string tenantSlug, string environmentName)
    {
        var settings = PaymentSettings.Read(configuration, tenantSlug, environmentName);
        return settings.Gateway switch
        {
            PaymentGatewayKind.Stripe => new StripePaymentGateway(StripeClientFor(settings.Stripe!), settings.Stripe!.WebhookSecret, settings.Methods, clock),
            PaymentGatewayKind.Sandbox => Sandbox(tenantSlug, environmentName, settings.Methods),
            _ => throw new PaymentGatewayException("この環境ではオンライン決済がまだ設定されていません（Payments:Gateway）。"),
        };
    }

    private IStripeClient StripeClientFor(StripeSettings stripe) =>
        _stripeClients.GetOrAdd((stripe.SecretKey, stripe.ApiBaseUrl), key => new StripeClient(key.SecretKey, apiBase: key.ApiBaseUrl?.AbsoluteUri.TrimEnd('/')));

    private SandboxPaymentGateway Sandbox(string tenantSlug, string environmentName, IReadOnlyList<string> methods)
    {
        var tenant = catalog.Find(tenantSlug);
        var environment = tenant?.FindEnvironment(environmentName);
        if (tenant is null || environment?.Line.ChannelSecret is not { Length: > 0 } channelSecret)
        {
            throw new PaymentGatewayException("この環境は準備中のため、テスト用の決済を使えません。");
        }

        // Every server of the environment derives the same key from the secret it already shares, the LINE channel's.
        var key = HKDF.DeriveKey(
            HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(channelSecret), 32, info: Encoding.UTF8.GetBytes($"SmartBranch.Payments.Sandbox/{tenantSlug}/{environmentName}"));
        var context = new TenantContext(tenant, environment);
        return new SandboxPaymentGateway(
            tenantSlug,
            environmentName,
            key,
            methods,
            links.OnServer(context, SandboxCheckoutEndpoints.Page),
            new Uri(links.OnServer(context, ""), PaymentWebhookPaths.For(tenantSlug, environmentName)),
            sandboxTokens,
            sandboxPoster,
            clock);
    }
}

/// <summary>Where each tenant environment's gateway posts its events: <c>/payments/{tenant}/{env}/webhook</c>.</summary>
public static class PaymentWebhookPaths
{
    public const string Pattern = "/payments/{tenant}/{env}/webhook";

    public static string For(string tenantSlug, string environmentName) =>
        $"/payments/{Uri.EscapeDataString(tenantSlug)}/{Uri.EscapeDataString(environmentName)}/webhook";
}
