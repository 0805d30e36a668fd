using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;

namespace SmartBranch.Kernel.DataExport;

public static class DataExportServices
{
    /// <summary>A module's part of the tenant data export; resolved in the scope of the tenant (and environment) being exported.</summary>
    public static IServiceCollection AddTenantDataExportContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, ITenantDataExportContributor
    {
        services.AddScoped<ITenantDataExportContributor, TContributor>();
        return services;
    }

    internal static IServiceCollection AddSmartBranchDataExport(this IServiceCollection services)
    {
        services.AddScoped<ITenantDataExport, TenantDataExport>();
        services.AddTenantDataExportContributor<TenantDefinitionDataExport>();
        services.AddTenantDataExportContributor<AuditLogDataExport>();
        return services;
    }
}
