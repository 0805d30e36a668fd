using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Tests.TestDoubles;

internal sealed class InMemoryTenantCatalog(params TenantDefinition[] tenants) : ITenantCatalog
{
    public Dictionary<string, TenantStatus> Statuses { get; } = [];

    public IReadOnlyList<TenantDefinition> Tenants => tenants;

    public TenantDefinition? Find(string slug) => tenants.FirstOrDefault(t => t.Slug == slug);

    public TenantStatus StatusOf(string slug) => Statuses.GetValueOrDefault(slug, TenantStatus.Active);
}
