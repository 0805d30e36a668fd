using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>The delivery screens' addresses, relative to the tenant's portal root unless they take the tenant.</summary>
public static class BroadcastPaths
{
    public const string History = "broadcasts";

    public static string List(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, History);

    public static string Detail(string tenantSlug, Guid deliveryId) => $"{List(tenantSlug)}/{deliveryId}";

    public static string New(string tenantSlug) => $"{List(tenantSlug)}/new";

    public static string Edit(string tenantSlug, Guid deliveryId) => $"{Detail(tenantSlug, deliveryId)}/edit";

    public static string CopyOf(string tenantSlug, Guid deliveryId) => $"{New(tenantSlug)}?copyOf={deliveryId}";

    public static string Emergency(string tenantSlug) => $"{List(tenantSlug)}/emergency";

    public static string Settings(string tenantSlug) => $"{List(tenantSlug)}/settings";

    public static string Export(string tenantSlug) => $"{List(tenantSlug)}/export";
}
