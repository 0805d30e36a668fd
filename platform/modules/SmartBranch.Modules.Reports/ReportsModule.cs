using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Features.ApiKeys;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Modules.Reports.Features.Open311;
using SmartBranch.Modules.Reports.Features.Export;
using SmartBranch.Modules.Reports.Features.Map;
using SmartBranch.Modules.Reports.Features.PublicMap;
using SmartBranch.Modules.Reports.Features.Statistics;
using SmartBranch.Modules.Reports.Form;
using SmartBranch.Modules.Reports.Notifications;
using SmartBranch.Modules.Reports.Persistence;
using SmartBranch.Modules.Reports.TrainingReset;

namespace SmartBranch.Modules.Reports;

/// <summary>
/// Residents' reports (通報). The chat flow (<see cref="ReportChatHandler"/>) files cases; the portal reads them
/// through <see cref="ReportInbox"/> and handles them through <see cref="ReportCaseDesk"/>; tenants that choose to publish
/// a status map for everyone at <c>/r/{tenant}/{env}/reports/map</c> (<see cref="PublicReportMap"/>). The host provides
/// <see cref="IReportMailSender"/>. Residents who prefer a form to the chat file through <see cref="ReportFormEndpoints"/> (LIFF).
/// </summary>
public sealed class ReportsModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("reports", "通報", ["residents"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<ReportsModelContribution>();
        services.AddStagingDataEraser<ReportsStagingEraser>();
        services.AddSingleton<IPermissionProvider, ReportsPermissions>();
        services.AddSingleton<ReportCatalogFiles>();
        services.AddScoped<ReportPhotos>();
        services.AddScoped<ReportFiling>();
        services.AddScoped<ReportChatHandler>();
        services.AddSingleton<ReportFormPhotoTokens>();
        services.AddScoped<ReportForm>();
        services.AddScoped<ILineWebhookEventHandler<MessageEvent>>(sp => sp.GetRequiredService<ReportChatHandler>());
        services.AddScoped<ILineWebhookEventHandler<PostbackEvent>>(sp => sp.GetRequiredService<ReportChatHandler>());
        services.AddBusConsumer<ReportFiledMailConsumer>();
        services.AddSingleton<Open311PostLimiter>();
        services.AddScoped<Open311Api>();

        services.AddScoped(sp => new ReportsStaff(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<ICurrentTenant>(),
            sp.GetRequiredService<ReportCatalogFiles>()));
        services.AddScoped(sp => new ReportInbox(sp.GetRequiredService<ReportsStaff>()));
        services.AddScoped(sp => new ReportCaseDesk(
            sp.GetRequiredService<ReportsStaff>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<ILineMessenger>(), sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new RoadManagerForwarding(
            sp.GetRequiredService<ReportsStaff>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<IReportMailSender>(),
            sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ReportApiKeys(sp.GetRequiredService<ReportsStaff>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ReportMap(sp.GetRequiredService<ReportsStaff>(), sp.GetRequiredService<IAuditLog>()));
        services.AddScoped(sp => new ReportExport(sp.GetRequiredService<ReportsStaff>(), sp.GetRequiredService<IAuditLog>()));
        services.AddScoped(sp => new PublicReportMap(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentTenant>(), sp.GetRequiredService<ReportCatalogFiles>(),
            sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ReportStatistics(sp.GetRequiredService<ReportsStaff>(), sp.GetRequiredService<IAuditLog>()));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpen311();
        endpoints.MapPublicReportMap();
        endpoints.MapReportForm();
    }
}
