using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Audit;

internal static class AuditServices
{
    public static IServiceCollection AddSmartBranchAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditChainAppender>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<ITenantAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<IAuditLogSearch, AuditLogSearch>();
        services.AddScoped<AuditChainVerifier>();
        return services;
    }
}
