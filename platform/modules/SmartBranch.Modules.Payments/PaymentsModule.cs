using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Features.Checkout;
using SmartBranch.Modules.Payments.Features.Reconciliation;
using SmartBranch.Modules.Payments.Incidents;
using SmartBranch.Modules.Payments.Persistence;
using SmartBranch.Modules.Payments.TrainingReset;
using SmartBranch.Modules.Payments.Webhook;
using SmartBranch.Payments.Configuration;
using SmartBranch.Payments.Sandbox;

namespace SmartBranch.Modules.Payments;

/// <summary>
/// Online payment of fees: other modules start and refund payments by reference through <see cref="IPayments"/> and
/// hear the outcome as integration events; the environment's gateway (Stripe, or the sandbox with its checkout page)
/// reports to <see cref="PaymentWebhookEndpoints"/>; staff reconcile with <see cref="PaymentReconciliation"/>.
/// </summary>
public sealed class PaymentsModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("payments", "オンライン決済", []);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<PaymentsModelContribution>();
        services.AddStagingDataEraser<PaymentsStagingEraser>();
        services.AddSingleton<IPermissionProvider, PaymentsPermissions>();
        services.AddPaymentGateways();
        services.AddScoped<PaymentOutcomes>();
        services.AddScoped<IPayments, TenantPayments>();
        services.AddScoped<PaymentWebhook>();
        services.AddScoped<PaymentReconciliation>();
        services.AddScoped<IAlertRule, PaymentDiscrepancyAlertRule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPaymentWebhook();
        endpoints.MapSandboxCheckout();
    }
}
