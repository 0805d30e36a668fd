using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Tenancy;

internal static class TenancyServices
{
    public static IServiceCollection AddSmartBranchTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TenantCatalog.Load(configuration));
        services.AddSingleton<ITenantCatalog>(sp => sp.GetRequiredService<TenantCatalog>());
        services.AddScoped<CurrentTenant>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.AddSingleton<ITenantScopeFactory, TenantScopeFactory>();

        services.AddDataProtection().SetApplicationName("SmartBranch").PersistKeysToDbContext<SmartBranchDbContext>();
        services.AddSingleton<LineChannelCredentialProtector>();
        services.AddSingleton<TenantCatalogRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<TenantCatalogRefresher>());
        services.AddSingleton<LineConnectionTester>();
        services.AddSingleton<PublicServerUrl>();
        services.AddScoped<ITenantAdministration, TenantAdministration>();
        return services;
    }
}
