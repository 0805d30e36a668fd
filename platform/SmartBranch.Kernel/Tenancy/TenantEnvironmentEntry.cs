namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Enters a tenant environment in the current scope where no route names the environment: portal
/// routes name only the tenant (each staff member chooses the environment), and the portal's
/// interactive components run in a circuit scope that no request middleware ever sees.
/// </summary>
public interface ITenantEnvironmentEntry
{
    /// <exception cref="TenantNotFoundException">The tenant or environment does not exist.</exception>
    /// <exception cref="InvalidOperationException">The scope already runs in another tenant environment.</exception>
    TenantContext Enter(string tenantSlug, string environmentName);
}

internal sealed class TenantEnvironmentEntry(CurrentTenant currentTenant, ITenantCatalog catalog) : ITenantEnvironmentEntry
{
    public TenantContext Enter(string tenantSlug, string environmentName)
    {
        var tenant = catalog.Find(tenantSlug) ?? throw new TenantNotFoundException($"Tenant '{tenantSlug}' does not exist.");
        var environment = tenant.FindEnvironment(environmentName)
            ?? throw new TenantNotFoundException($"Tenant '{tenantSlug}' has no environment '{environmentName}'.");

        var context = new TenantContext(tenant, environment);
        currentTenant.Enter(context);
        return context;
    }
}
