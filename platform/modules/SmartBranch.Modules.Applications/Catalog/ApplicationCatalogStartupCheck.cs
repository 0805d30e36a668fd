using Microsoft.Extensions.Hosting;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.Applications.Catalog;

/// <summary>Reads every file-defined tenant's catalogue at start-up, so a mistake in <c>applications.yml</c> stops the server with its message.</summary>
internal sealed class ApplicationCatalogStartupCheck(ITenantCatalog tenants, ApplicationCatalogFiles files) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in tenants.Tenants)
        {
            files.For(tenant);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
