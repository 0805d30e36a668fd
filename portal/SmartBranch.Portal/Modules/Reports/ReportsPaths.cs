using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>The report screens' addresses.</summary>
public static class ReportsPaths
{
    public const string Inbox = "reports";
    public const string ApiKeys = "reports/api-keys";

    public static string List(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, Inbox);

    public static string Map(string tenantSlug) => $"{List(tenantSlug)}/map";

    /// <summary>The map's markers as JSON, for the inbox's filter (its query string).</summary>
    public static string Markers(string tenantSlug) => $"{Map(tenantSlug)}/markers";

    /// <summary>The inbox's filter as CSV (posted).</summary>
    public static string Export(string tenantSlug) => $"{List(tenantSlug)}/export";

    public static string Statistics(string tenantSlug) => $"{List(tenantSlug)}/stats";

    /// <summary>The statistics as CSV (posted).</summary>
    public static string StatisticsExport(string tenantSlug) => $"{Statistics(tenantSlug)}/export";

    public static string Case(string tenantSlug, Guid caseId) => $"{List(tenantSlug)}/{caseId}";

    public static string Photo(string tenantSlug, Guid caseId, bool preview) => $"{Case(tenantSlug, caseId)}/photo{(preview ? "?preview=true" : "")}";
}
