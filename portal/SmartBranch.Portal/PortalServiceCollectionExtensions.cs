using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Modules.AccessGrants;
using SmartBranch.Portal.Modules.Applications;
using SmartBranch.Portal.Modules.Audit;
using SmartBranch.Portal.Modules.Broadcast;
using SmartBranch.Portal.Modules.Broadcast.TestAccounts;
using SmartBranch.Portal.Modules.Dashboard;
using SmartBranch.Portal.Modules.DataExport;
using SmartBranch.Portal.Modules.Help;
using SmartBranch.Portal.Modules.Payments;
using SmartBranch.Portal.Modules.PublicComments;
using SmartBranch.Portal.Modules.Reports;
using SmartBranch.Portal.Modules.Residents;
using SmartBranch.Portal.Modules.RichMenus;
using SmartBranch.Portal.Modules.RichMenuLinks;
using SmartBranch.Portal.Modules.RichMenuPublishing;
using SmartBranch.Portal.Modules.Segments;
using SmartBranch.Portal.Modules.Staff;
using SmartBranch.Portal.Modules.SurveyResults;
using SmartBranch.Portal.Modules.Surveys;
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
        services.AddPortalNavigation<SurveysPortalMenu>();
        services.AddScoped<ISurveyResultsDesk, SurveyResultsDesk>();
        services.AddPortalNavigation<PublicCommentsPortalMenu>();
        services.AddPortalNavigation<ReportsPortalMenu>();
        services.AddScoped<IReportsDesk, ReportsDesk>();
        services.AddScoped<IReportApiKeysDesk, ReportApiKeysDesk>();
        services.AddPortalNavigation<ApplicationsPortalMenu>();
        services.AddScoped<IApplicationsDesk, ApplicationsDesk>();
        services.AddPortalNavigation<PaymentsPortalMenu>();
        services.AddScoped<IPaymentsDesk, PaymentsDesk>();
        services.AddPortalNavigation<RichMenusPortalMenu>();
        services.AddPortalNavigation<SegmentsPortalMenu>();
        services.AddPortalNavigation<RichMenuPublishingPortalMenu>();
        services.AddPortalNavigation<RichMenuLinksPortalMenu>();
        services.AddPortalNavigation<TestAccountsPortalMenu>();
        services.AddPortalNavigation<StaffPortalMenu>();
        services.AddPortalNavigation<AccessGrantsPortalMenu>();
        services.AddPortalNavigation<AuditPortalMenu>();
        services.AddPortalNavigation<DataExportPortalMenu>();
        services.AddSingleton(_ => ManualLibrary.LoadEmbedded());
        services.AddPortalNavigation<HelpPortalMenu>();
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
        // Blazor would send a policy of its own (frame-ancestors 'self'), and the host's policy is only added where none is.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapPortalPreferences();
        app.MapAuditExport();
        app.MapBroadcastHistoryExport();
        app.MapReportPhotos();
        app.MapRichMenuImages();
        app.MapReportData();
        app.MapSurveyResults();
        app.MapPublicCommentOpinions();
        app.MapPaymentReconciliationExport();
        app.MapTenantDataExport();
        app.MapIncidentReports();
        app.MapManualScreenshots();
        return app;
    }
}
