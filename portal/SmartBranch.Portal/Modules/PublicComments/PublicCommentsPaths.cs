using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.PublicComments;

/// <summary>The public comment pages' addresses in the portal.</summary>
public static class PublicCommentsPaths
{
    public const string List = "public-comments";

    public static string Cases(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, List);

    public static string New(string tenantSlug) => $"{Cases(tenantSlug)}/new";

    public static string Edit(string tenantSlug, Guid caseId) => $"{Cases(tenantSlug)}/{caseId}";

    public static string Opinions(string tenantSlug, Guid caseId) => $"{Edit(tenantSlug, caseId)}/opinions";

    /// <summary>The opinions as CSV (posted, with <c>encoding</c>).</summary>
    public static string OpinionsExport(string tenantSlug, Guid caseId) => $"{Opinions(tenantSlug, caseId)}/export";

    public static string Result(string tenantSlug, Guid caseId) => $"{Edit(tenantSlug, caseId)}/result";
}
