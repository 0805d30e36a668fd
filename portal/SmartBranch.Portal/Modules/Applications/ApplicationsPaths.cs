using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Applications;

/// <summary>The application screens' addresses.</summary>
public static class ApplicationsPaths
{
    public const string Queue = "applications";
    public const string Catalog = "applications/catalog";

    public static string List(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, Queue);

    public static string Fees(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, Catalog);

    public static string Application(string tenantSlug, Guid applicationId) => $"{List(tenantSlug)}/{applicationId}";

    /// <summary>The mailing label and cover sheet, opened in a tab of its own to print.</summary>
    public static string Print(string tenantSlug, Guid applicationId) => $"{Application(tenantSlug, applicationId)}/print";
}
