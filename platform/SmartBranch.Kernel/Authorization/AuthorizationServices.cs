using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Authorization;

internal static class AuthorizationServices
{
    public static IServiceCollection AddSmartBranchPermissions(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddSingleton<IPermissionProvider, KernelPermissions>();
        services.AddSingleton<PermissionRegistry>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddScoped<IRolePermissions, RolePermissions>();
        services.AddScoped<PersonalDataAccessGrants>();
        services.AddScoped<IPersonalDataAccessGrants>(sp => sp.GetRequiredService<PersonalDataAccessGrants>());
        return services;
    }
}
