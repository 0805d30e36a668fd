using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Help;

/// <summary>Where the manual is served: in each tenant's portal for staff, and in the console for operators.</summary>
public static class ManualRoutes
{
    public const string Help = "help";
    public const string OpsHelp = $"{PortalRoutes.Ops}/{Help}";
    public const string Screenshots = "screenshots";

    public static string TenantHelp(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, Help);

    public static string Section(string helpRoot, string sectionId) => $"{helpRoot}/{sectionId}";

    public static string ScreenshotRoot(string helpRoot) => $"{helpRoot}/{Screenshots}";
}
