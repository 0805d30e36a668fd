namespace SmartBranch.Kernel.Tenancy;

/// <summary>The tenant environment a request, message or job runs in. Immutable once entered.</summary>
public sealed record TenantContext(TenantDefinition Tenant, TenantEnvironment Environment)
{
    public string TenantSlug => Tenant.Slug;

    public string EnvironmentName => Environment.Name;

    public override string ToString() => $"{TenantSlug}/{EnvironmentName}";
}

/// <summary>The scoped holder of the current <see cref="TenantContext"/>; null outside any tenant.</summary>
public interface ICurrentTenant
{
    /// <summary>The tenant, once known; on portal routes it is known before the environment is chosen.</summary>
    TenantDefinition? Tenant { get; }

    TenantContext? Context { get; }

    TenantContext Required { get; }
}

internal sealed class CurrentTenant : ICurrentTenant
{
    public TenantDefinition? Tenant { get; private set; }

    public TenantContext? Context { get; private set; }

    public TenantContext Required => Context ?? throw new InvalidOperationException("No tenant has been entered in this scope.");

    /// <exception cref="InvalidOperationException">The scope already runs in a different tenant environment.</exception>
    public void Enter(TenantContext context)
    {
        // Compared by name: the catalog may have been reloaded in between, giving equal tenants new instances.
        if (Context is not null && (Context.TenantSlug != context.TenantSlug || Context.EnvironmentName != context.EnvironmentName))
        {
            throw new InvalidOperationException($"This scope already runs in {Context}; it cannot enter {context}.");
        }

        Tenant = context.Tenant;
        Context = context;
    }

    /// <exception cref="InvalidOperationException">The scope already runs in another tenant.</exception>
    public void Enter(TenantDefinition tenant)
    {
        if (Tenant is not null && Tenant.Slug != tenant.Slug)
        {
            throw new InvalidOperationException($"This scope already runs in {Tenant.Slug}; it cannot enter {tenant.Slug}.");
        }

        Tenant = tenant;
    }
}
