using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Modules.AccessGrants;
using SmartBranch.Portal.Modules.Audit;
using SmartBranch.Portal.Modules.Broadcast;
using SmartBranch.Portal.Modules.Broadcast.TestAccounts;
using SmartBranch.Portal.Modules.Dashboard;
using SmartBranch.Portal.Modules.DataExport;
using SmartBranch.Portal.Modules.Reports;
using SmartBranch.Portal.Modules.Residents;
using SmartBranch.Portal.Modules.RichMenus;
using SmartBranch.Portal.Modules.RichMenuPublishing;
using SmartBranch.Portal.Modules.Segments;
using SmartBranch.Portal.Modules.Staff;
using SmartBranch.Portal.Modules.SurveyResults;
using SmartBranch.Portal.Navigation;
using SmartBranch.Portal.Ops;
using SmartBranch.Portal.Ops.Incidents;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The tenant portal and the operators' console. Sign-in and <see cref="ICurrentStaff"/> come from the identity services.</summary>
    public static IServiceCollection AddSmartBranchPortal(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(PortalCultures.Configure);
        services.AddAuthentication();
        services.AddAuthorization(options => options.AddOperatorPolicy());
        services.AddScoped<IAuthorizationHandler, OperatorAuthorizationHandler>();
        services.AddSingleton<IPermissionProvider, PortalPermissions>();
        services.AddPortalNavigation<DashboardPortalMenu>();
        services.AddPortalNavigation<ResidentsPortalMenu>();
        services.AddPortalNavigation<BroadcastPortalMenu>();
        services.AddScoped<IBroadcastDeliveryDesk, BroadcastDeliveryDesk>();
        services.AddPortalNavigation<ReportsPortalMenu>();
        services.AddScoped<IReportsDesk, ReportsDesk>();
        services.AddScoped<ISurveyResultsDesk, SurveyResultsDesk>();
        services.AddScoped<IReportApiKeysDesk, ReportApiKeysDesk>();
        services.AddPortalNavigation<RichMenusPortalMenu>();
        services.AddPortalNavigation<SegmentsPortalMenu>();
        services.AddPortalNavigation<RichMenuPublishingPortalMenu>();
        services.AddPortalNavigation<TestAccountsPortalMenu>();
        services.AddPortalNavigation<StaffPortalMenu>();
        services.AddPortalNavigation<AccessGrantsPortalMenu>();
        services.AddPortalNavigation<AuditPortalMenu>();
        services.AddPortalNavigation<DataExportPortalMenu>();
        return services;
    }

    /// <summary>Call after authentication and authorization: the portal's pipeline branch, its pages and its switches.</summary>
    public static WebApplication MapSmartBranchPortal(this WebApplication app)
    {
        app.UseWhen(PortalRoutes.IsPortalRequest, portal => portal
            .UseRequestLocalization()
            .UseMiddleware<PortalEnvironmentMiddleware>()
            .UseMiddleware<PortalMaintenanceMiddleware>()
            .UseMiddleware<ReportMapTileSource>()
            .UseAntiforgery());
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPortalPreferences();
        app.MapAuditExport();
        app.MapBroadcastHistoryExport();
        app.MapReportPhotos();
        app.MapRichMenuImages();
        app.MapReportData();
        app.MapSurveyResults();
        app.MapTenantDataExport();
        app.MapIncidentReports();
        return app;
    }
}
