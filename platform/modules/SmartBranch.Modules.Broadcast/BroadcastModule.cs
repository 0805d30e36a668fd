using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Broadcast.Features.ControlDelivery;
using SmartBranch.Modules.Broadcast.Features.DeliveryReport;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;
using SmartBranch.Modules.Broadcast.Features.Settings;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Broadcast.Features.Statistics;
using SmartBranch.Modules.Broadcast.Jobs;
using SmartBranch.Modules.Broadcast.Persistence;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast;

/// <summary>
/// Deliveries to residents. The application services (<see cref="BroadcastComposer"/>, <see cref="BroadcastApprovals"/>,
/// <see cref="EmergencyBroadcasts"/>, <see cref="BroadcastControl"/>, <see cref="BroadcastReports"/>,
/// <see cref="BroadcastSettingsService"/>) are what the portal calls; the scheduler and sender run on workers.
/// </summary>
public sealed class BroadcastModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("broadcast", "配信", ["residents"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<BroadcastModelContribution>();
        services.AddSingleton<IPermissionProvider, BroadcastPermissions>();
        services.AddScoped<IBroadcastStatistics, BroadcastStatistics>();
        services.AddScoped<IAlertRule, BroadcastStuckSendAlertRule>();
        services.AddOptions<BroadcastOptions>()
            .Bind(configuration.GetSection(BroadcastOptions.SectionName))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<BroadcastSchedulerSignal>();
        services.AddSingleton<BroadcastSenderSignal>();

        services.AddScoped(sp => new BroadcastStaff(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<IAuditLog>()));
        services.AddScoped(sp => new BroadcastQuotaCheck(sp.GetRequiredService<ILineMessagingClient>()));
        services.AddScoped(sp => new BroadcastComposer(Staff(sp), Audience(sp), Clock(sp)));
        services.AddScoped(sp => new BroadcastApprovals(Staff(sp), Audience(sp), sp.GetRequiredService<BroadcastQuotaCheck>(), Clock(sp)));
        services.AddScoped(sp => new EmergencyBroadcasts(Staff(sp), sp.GetRequiredService<BroadcastSchedulerSignal>(), Clock(sp)));
        services.AddScoped(sp => new BroadcastControl(Staff(sp), Audience(sp), sp.GetRequiredService<BroadcastSenderSignal>(), Clock(sp)));
        services.AddScoped(sp => new BroadcastReports(Staff(sp)));
        services.AddScoped(sp => new BroadcastSettingsService(Staff(sp), Clock(sp)));

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

    private static TimeProvider Clock(IServiceProvider services) => services.GetRequiredService<TimeProvider>();
}
