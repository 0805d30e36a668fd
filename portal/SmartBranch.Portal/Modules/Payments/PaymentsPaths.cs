using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Payments;

/// <summary>The payments screen's addresses.</summary>
public static class PaymentsPaths
{
    public const string Reconciliation = "payments";

    public static string List(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, Reconciliation);

    public static string Export(string tenantSlug) => $"{List(tenantSlug)}/export";
}
