using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>The tenant environment a component test runs in, and an entry that only checks it is the same one.</summary>
internal sealed class FakeCurrentTenant(TenantContext context) : ICurrentTenant, ITenantEnvironmentEntry
{
    public TenantDefinition? Tenant => context.Tenant;

    public TenantContext? Context => context;

    public TenantContext Required => context;

    public TenantContext Enter(string tenantSlug, string environmentName) =>
        (tenantSlug, environmentName) == (context.TenantSlug, context.EnvironmentName)
            ? context
            : throw new InvalidOperationException($"This test runs in {context}, not {tenantSlug}/{environmentName}.");
}
