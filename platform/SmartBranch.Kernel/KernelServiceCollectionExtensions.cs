using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Health;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Maintenance;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Privacy;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Scheduling;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Kernel.TrainingReset;

namespace SmartBranch.Kernel;

public static class KernelServiceCollectionExtensions
{
    /// <summary>
    /// The kernel and every module of <paramref name="modules"/>. The provider-specific DbContext is
    /// registered by the host, as <see cref="SmartBranchDbContext"/>, before calling this.
    /// </summary>
    public static IServiceCollection AddSmartBranchKernel(
        this IServiceCollection services, IConfiguration configuration, ModuleCatalog modules, ServerRoles roles)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(modules);
        services.AddSmartBranchTenancy(configuration);
        services.AddSmartBranchAudit();
        services.AddSmartBranchPermissions();
        services.AddScheduledJob<PersonalDataAccessGrants>(
            "personal-data-access-grant-expiry", JobSchedule.Every(TimeSpan.FromMinutes(1)), (grants, ct) => grants.RecordExpiriesAsync(ct));
        services.AddSmartBranchDataExport();
        services.AddSmartBranchTrainingReset();
        services.AddScoped<ITenantEnvironmentEntry, TenantEnvironmentEntry>();
        services.AddScoped<ITenantHealthQuery, TenantHealthQuery>();
        services.AddSmartBranchIncidents(configuration);
        services.AddSmartBranchMaintenance();
        services.AddResidentPages();
        services.AddSmartBranchMedia(configuration);
        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxSignalInterceptor>();
        services.AddScoped<IOutbox, Outbox.Outbox>();
        services.AddScoped<IInbox, Inbox>();

        services.AddSingleton<LineWebhookSignal>();
        services.AddSingleton<LineWebhookEventStore>();
        services.AddHostedService(sp => sp.GetRequiredService<LineWebhookEventStore>());
        services.AddScoped<LineWebhookEventDispatcher>();
        services.AddTenantLineChannels();
        services.AddBusConsumer<LineMessagesRequestedConsumer>();

        foreach (var module in modules.Modules)
        {
            module.AddServices(services, configuration);
        }

        services.AddSmartBranchBus(configuration, runConsumers: roles.HasFlag(ServerRoles.Worker));
        if (roles.HasFlag(ServerRoles.Worker))
        {
            services.AddHostedService<OutboxDispatcher>();
            services.AddHostedService<LineWebhookProcessor>();
            services.AddHostedService<BacklogMetrics>();
        }

        services.AddHealthChecks()
            .AddDbContextCheck<SmartBranchDbContext>("database", tags: ["ready"])
            .AddCheck<LineSettingsHealthCheck>("line-channels", tags: ["ready"]);
        return services;
    }

    /// <summary>Tenant resolution; call after <c>UseRouting</c>.</summary>
    public static IApplicationBuilder UseSmartBranchTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    public static IEndpointRouteBuilder MapSmartBranchKernel(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLineWebhook();
        endpoints.MapResidentPages();
        endpoints.MapMedia();
        foreach (var module in endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(endpoints);
        }

        return endpoints;
    }

    /// <summary>Adds a module's part of the EF model.</summary>
    public static IServiceCollection AddModelContribution<TContribution>(this IServiceCollection services)
        where TContribution : class, IModelContribution
    {
        services.AddSingleton<IModelContribution, TContribution>();
        return services;
    }
}

/// <summary>What a server process does: serve HTTP, run background work, or both (the default).</summary>
[Flags]
public enum ServerRoles
{
    Web = 1,
    Worker = 2,
    All = Web | Worker,
}

public static class KernelDbContextOptions
{
    /// <summary>The kernel's interceptors (outbox signal); call from the host's <c>AddDbContext</c>.</summary>
    public static Microsoft.EntityFrameworkCore.DbContextOptionsBuilder UseSmartBranchInterceptors(
        this Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>());
}
