using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Kernel;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Line.Client;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Broadcast.Features.ControlDelivery;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Modules.Broadcast.Features.DeliveryReport;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;
using SmartBranch.Modules.Broadcast.Features.Outlines;
using SmartBranch.Modules.Broadcast.Features.Settings;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Broadcast.Features.Statistics;
using SmartBranch.Modules.Broadcast.Features.TestSend;
using SmartBranch.Modules.Broadcast.IntegrationEvents.Handlers;
using SmartBranch.Modules.Broadcast.Jobs;
using SmartBranch.Modules.Broadcast.Persistence;
using SmartBranch.Modules.Broadcast.TrainingReset;
using SmartBranch.Modules.Broadcast.Webhook;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast;

/// <summary>
/// Deliveries to residents. The application services (<see cref="BroadcastComposer"/>, <see cref="BroadcastApprovals"/>,
/// <see cref="EmergencyBroadcasts"/>, <see cref="BroadcastControl"/>, <see cref="BroadcastReports"/>,
/// <see cref="BroadcastSettingsService"/>, <see cref="BroadcastHistory"/>, <see cref="BroadcastDeliveryDetails"/>,
/// <see cref="IBroadcastTestAccounts"/>, <see cref="IBroadcastTestSends"/>) are what the portal calls; the scheduler and sender run on workers.
/// </summary>
public sealed class BroadcastModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("broadcast", "配信", ["residents"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<BroadcastModelContribution>();
        services.AddStagingDataEraser<BroadcastStagingEraser>();
        services.AddSingleton<IPermissionProvider, BroadcastPermissions>();
        services.AddScoped<IBroadcastStatistics, BroadcastStatistics>();
        services.AddScoped<IBroadcastDeliveryOutlines, BroadcastDeliveryOutlines>();
        services.AddScoped<IAlertRule, BroadcastStuckSendAlertRule>();
        services.AddOptions<BroadcastOptions>()
            .Bind(configuration.GetSection(BroadcastOptions.SectionName))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<BroadcastSchedulerSignal>();
        services.AddSingleton<BroadcastSenderSignal>();

        services.AddScoped(sp => new BroadcastStaff(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<IAuditLog>()));
        services.AddScoped(sp => new BroadcastQuotaCheck(sp.GetRequiredService<ILineMessagingClient>()));
        services.AddScoped(sp => new BroadcastComposer(Staff(sp), Audience(sp), sp.GetRequiredService<BroadcastQuotaCheck>(), Clock(sp)));
        services.AddScoped<IBroadcastComposer>(sp => sp.GetRequiredService<BroadcastComposer>());
        services.AddScoped(sp => new BroadcastApprovals(Staff(sp), Audience(sp), sp.GetRequiredService<BroadcastQuotaCheck>(), Clock(sp)));
        services.AddScoped(sp => new EmergencyBroadcasts(Staff(sp), Audience(sp), sp.GetRequiredService<BroadcastSchedulerSignal>(), Clock(sp)));
        services.AddScoped(sp => new BroadcastControl(Staff(sp), Audience(sp), sp.GetRequiredService<BroadcastSenderSignal>(), Clock(sp)));
        services.AddScoped(sp => new BroadcastReports(Staff(sp)));
        services.AddScoped(sp => new BroadcastSettingsService(Staff(sp), Clock(sp)));
        services.AddScoped(sp => new BroadcastHistory(Staff(sp), Directory(sp), Tenant(sp)));
        services.AddScoped(sp => new BroadcastDeliveryDetails(
            Staff(sp), sp.GetRequiredService<BroadcastReports>(), Audience(sp), sp.GetRequiredService<BroadcastQuotaCheck>(), Directory(sp), Tenant(sp)));
        services.AddScoped<IBroadcastTestAccounts>(sp => new BroadcastTestAccounts(Staff(sp), sp.GetRequiredService<ICurrentStaff>(), Clock(sp)));
        services.AddScoped<IBroadcastTestSends>(sp => new BroadcastTestSends(Staff(sp), sp.GetRequiredService<ILineMessenger>()));
        services.AddScoped<ILineWebhookEventHandler<MessageEvent>, BroadcastTestAccountCodeHandler>();
        services.AddScoped<RequestedDrafts>();
        services.AddBusConsumer<MaintenanceAnnouncementRequestedHandler>();
        services.AddBusConsumer<BroadcastDraftRequestedHandler>();

        if (configuration.GetValue("Server:Roles", ServerRoles.All).HasFlag(ServerRoles.Worker))
        {
            services.AddSingleton<BroadcastRunExecutor>();
            services.AddHostedService<BroadcastScheduler>();
            services.AddHostedService<BroadcastSender>();
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    private static BroadcastStaff Staff(IServiceProvider services) => services.GetRequiredService<BroadcastStaff>();

    private static IResidentAudience Audience(IServiceProvider services) => services.GetRequiredService<IResidentAudience>();

    private static IStaffDirectory Directory(IServiceProvider services) => services.GetRequiredService<IStaffDirectory>();

    private static ICurrentTenant Tenant(IServiceProvider services) => services.GetRequiredService<ICurrentTenant>();

    private static TimeProvider Clock(IServiceProvider services) => services.GetRequiredService<TimeProvider>();
}
