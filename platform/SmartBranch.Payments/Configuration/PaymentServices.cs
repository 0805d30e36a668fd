using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Payments.Sandbox;

namespace SmartBranch.Payments.Configuration;

public static class PaymentServices
{
    /// <summary>The gateways of every tenant environment and the sandbox's checkout page and webhook poster.</summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services)
    {
        services.AddHttpClient(SandboxWebhookPoster.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SandboxCheckoutTokens>();
        services.AddSingleton<SandboxWebhookPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxWebhookPoster>());
        services.AddSingleton<IPaymentGateways, PaymentGateways>();
        return services;
    }
}
