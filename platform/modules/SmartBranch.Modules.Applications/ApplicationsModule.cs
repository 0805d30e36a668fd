using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Persistence;
using SmartBranch.Modules.Applications.Privacy;

namespace SmartBranch.Modules.Applications;

/// <summary>
/// Applications (オンライン申請) for certificates. The catalogue (<c>applications.yml</c> with the fees staff stored,
/// <see cref="ApplicationCatalogs"/>) says what residents may apply for; each application keeps its personal fields
/// sealed with the tenant environment's key (<see cref="ApplicationPersonalData"/>).
/// </summary>
public sealed class ApplicationsModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("applications", "オンライン申請", ["residents"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<ApplicationsModelContribution>();
        services.AddSingleton<IPermissionProvider, ApplicationsPermissions>();
        services.AddSingleton<ApplicationCatalogFiles>();
        services.AddHostedService<ApplicationCatalogStartupCheck>();
        services.AddScoped(sp => new ApplicationCatalogs(
            sp.GetRequiredService<ApplicationCatalogFiles>(), sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentTenant>()));
        services.AddScoped<ApplicationPersonalData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
