using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>
/// Stands in for the permission registry (built elsewhere): a policy named after a permission
/// requires that <see cref="ICurrentStaff.HasPermission"/> grants it. Policies registered by name
/// (the console's operator policy) are served as registered.
/// </summary>
internal sealed class TestPermissionPolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _registered = new(options);

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await _registered.GetPolicyAsync(policyName)
        ?? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build();

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _registered.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _registered.GetFallbackPolicyAsync();
}

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler(ICurrentStaff currentStaff) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (currentStaff.HasPermission(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

internal static class TestPermissionPolicies
{
    public static IServiceCollection AddTestPermissionPolicies(this IServiceCollection services) => services
        .AddSingleton<IAuthorizationPolicyProvider, TestPermissionPolicyProvider>()
        .AddScoped<IAuthorizationHandler, PermissionHandler>();
}
