namespace SmartBranch.Portal.Ops;

/// <summary>
/// The console's pages. A tenant is named <c>{slug}</c> here, never <c>{tenant}</c>: that route value
/// would make the kernel enter the tenant and refuse a suspended one, which operators must still see.
/// </summary>
public static class OpsRoutes
{
    public const string CreateTenant = "/ops/create-tenant";

    public static string Tenant(string slug) => $"/ops/tenants/{slug}";
}
