using MassTransit;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Messaging;

/// <summary>Enters the tenant named in a message's headers before its consumer is resolved.</summary>
internal sealed class TenantConsumeFilter<T>(CurrentTenant currentTenant, ITenantCatalog catalog) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var slug = context.Headers.Get<string>(TenantHeaders.Tenant);
        var environmentName = context.Headers.Get<string>(TenantHeaders.Environment);
        if (slug is not null && environmentName is not null)
        {
            var tenant = catalog.Find(slug) ?? throw new TenantNotFoundException($"Tenant '{slug}' does not exist.");
            var environment = tenant.FindEnvironment(environmentName)
                ?? throw new TenantNotFoundException($"Tenant '{slug}' has no environment '{environmentName}'.");
            currentTenant.Enter(new TenantContext(tenant, environment));
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant");
}
