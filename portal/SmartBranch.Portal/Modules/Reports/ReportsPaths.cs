using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>The report screens' addresses.</summary>
public static class ReportsPaths
{
    public const string Inbox = "reports";
    public const string ApiKeys = "reports/api-keys";

    public static string List(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, Inbox);

    public static string Case(string tenantSlug, Guid caseId) => $"{List(tenantSlug)}/{caseId}";

    public static string Photo(string tenantSlug, Guid caseId, bool preview) => $"{Case(tenantSlug, caseId)}/photo{(preview ? "?preview=true" : "")}";
}
