using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// The one way background work (outbox dispatch, consumers, webhook processing, jobs) enters a
/// tenant: a new DI scope whose <see cref="ICurrentTenant"/> is set before anything resolves data.
/// </summary>
public interface ITenantScopeFactory
{
    /// <exception cref="TenantNotFoundException">The tenant or environment does not exist.</exception>
    AsyncServiceScope CreateScope(string tenantSlug, string environmentName);
}

internal sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory, ITenantCatalog catalog) : ITenantScopeFactory
{
    public AsyncServiceScope CreateScope(string tenantSlug, string environmentName)
    {
        var tenant = catalog.Find(tenantSlug) ?? throw new TenantNotFoundException($"Tenant '{tenantSlug}' does not exist.");
        var environment = tenant.FindEnvironment(environmentName)
            ?? throw new TenantNotFoundException($"Tenant '{tenantSlug}' has no environment '{environmentName}'.");

        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Enter(new TenantContext(tenant, environment));
        return scope;
    }
}

public sealed class TenantNotFoundException : Exception
{
    public TenantNotFoundException() { }

    public TenantNotFoundException(string message) : base(message) { }

    public TenantNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
