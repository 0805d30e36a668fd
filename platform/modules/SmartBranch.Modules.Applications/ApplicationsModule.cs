using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Jpki;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Scheduling;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.IntegrationEvents.Handlers;
using SmartBranch.Modules.Applications.Persistence;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.Modules.Applications.Processing;
using SmartBranch.Modules.Applications.Resident;
using SmartBranch.Modules.Applications.Retention;
using SmartBranch.Modules.Applications.TrainingReset;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Applications;

/// <summary>
/// Applications (オンライン申請) for certificates. The catalogue (<c>applications.yml</c> with the fees staff stored,
/// <see cref="ApplicationCatalogs"/>) says what residents may apply for; residents apply, sign with the My Number card
/// (<see cref="IJpkiProviders"/>) and pay (<see cref="IPayments"/>) on the LIFF pages <c>/r/{tenant}/{env}/applications</c>
/// (<see cref="ApplicationPages"/>). Each application keeps its personal fields sealed with the tenant environment's
/// key (<see cref="ApplicationPersonalData"/>). Staff work through <see cref="ApplicationQueue"/> and
/// <see cref="ApplicationDesk"/> (refunds through <see cref="IPayments"/>) and set fees with
/// <see cref="ApplicationCatalogEditor"/>; <see cref="ApplicationRetentionPurge"/> erases personal data once kept long
/// enough. The host provides <see cref="IJpkiProviders"/> and <see cref="IPayments"/>.
/// </summary>
public sealed class ApplicationsModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("applications", "オンライン申請", ["residents", "payments"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<ApplicationsModelContribution>();
        services.AddStagingDataEraser<ApplicationsStagingEraser>();
        services.AddSingleton<IPermissionProvider, ApplicationsPermissions>();
        services.AddSingleton<ApplicationCatalogFiles>();
        services.AddHostedService<ApplicationCatalogStartupCheck>();
        services.AddScoped(sp => new ApplicationCatalogs(
            sp.GetRequiredService<ApplicationCatalogFiles>(), sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentTenant>()));
        services.AddScoped<ApplicationPersonalData>();
        services.AddScoped(sp => new ResidentApplicationFlow(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<ApplicationCatalogs>(),
            sp.GetRequiredService<ApplicationPersonalData>(), sp.GetRequiredService<IJpkiProviders>(), sp.GetRequiredService<IPayments>(),
            sp.GetRequiredService<IResidentFriends>(), sp.GetRequiredService<ResidentPageLinks>(), sp.GetRequiredService<TimeProvider>()));
        services.AddBusConsumer<PaymentCompletedIntegrationEventHandler>();
        services.AddBusConsumer<PaymentExpiredIntegrationEventHandler>();
        services.AddScoped(sp => new ApplicationCatalogEditor(
            sp.GetRequiredService<ApplicationCatalogs>(), sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(),
            sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ApplicationsStaff(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<ICurrentTenant>(),
            sp.GetRequiredService<ApplicationCatalogFiles>()));
        services.AddScoped<IPaymentReferenceLabels, ApplicationPaymentLabels>();
        services.AddScoped(sp => new ApplicationQueue(sp.GetRequiredService<ApplicationsStaff>()));
        services.AddScoped(sp => new ApplicationDesk(
            sp.GetRequiredService<ApplicationsStaff>(), sp.GetRequiredService<ApplicationPersonalData>(), sp.GetRequiredService<IPayments>(),
            sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<ILineMessenger>(), sp.GetRequiredService<ResidentPageLinks>(),
            sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScheduledJob<ApplicationRetentionPurge>(
            ApplicationRetentionPurge.JobName, JobSchedule.DailyAt(new TimeSpan(3, 30, 0)), (purge, ct) => purge.PurgeDueAsync(ct), (purge, ct) => purge.AnyDueAsync(ct));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapApplicationPages();
}
