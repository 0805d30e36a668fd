namespace SmartBranch.Portal.Ops;

/// <summary>
/// The console's pages. A tenant is named <c>{slug}</c> here, never <c>{tenant}</c>: that route value
/// would make the kernel enter the tenant and refuse a suspended one, which operators must still see.
/// </summary>
public static class OpsRoutes
{
    public const string CreateTenant = "/ops/create-tenant";

    public const string Incidents = "/ops/incidents";

    public const string Backups = "/ops/backups";

    public const string Maintenance = "/ops/maintenance";

    public const string NewMaintenanceWindow = "/ops/maintenance/new";

    public static string MaintenanceWindow(Guid id) => $"{Maintenance}/{id}";

    public static string Tenant(string slug) => $"/ops/tenants/{slug}";

    public static string Incident(Guid id) => $"{Incidents}/{id}";

    public static string IncidentReportMarkdown(Guid id) => $"{Incidents}/{id}/report.md";

    public static string IncidentReportHtml(Guid id) => $"{Incidents}/{id}/report.html";
}
