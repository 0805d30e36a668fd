using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>Which environment a staff member works in: their choice, kept per tenant in a cookie.</summary>
public static class PortalEnvironment
{
    public const string CookieName = "SmartBranch.Environment";

    /// <summary>The requested environment if the tenant has it, else production, else the tenant's first.</summary>
    public static string Choose(TenantDefinition tenant, string? requested) =>
        tenant.FindEnvironment(requested ?? "")?.Name
        ?? tenant.FindEnvironment(TenantEnvironmentNames.Production)?.Name
        ?? tenant.Environments[0].Name;
}
