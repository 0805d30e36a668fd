using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Makes every registered permission name a policy (<c>[Authorize(Policy = KernelPermissions.AuditView)]</c>,
/// <c>.RequireAuthorization("broadcast.send")</c>) that the signed-in staff member passes when
/// <see cref="ICurrentStaff.HasPermission"/> says so. Policies configured by name in
/// <see cref="AuthorizationOptions"/> still win; any other name is a programming error and throws
/// rather than silently denying (or allowing).
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionRegistry registry) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _configured = new(options);
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _permissionPolicies = new(StringComparer.Ordinal);

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await _configured.GetPolicyAsync(policyName) is { } configured)
        {
            return configured;
        }

        if (registry.Find(policyName) is null)
        {
            throw new InvalidOperationException(
                $"No permission or policy is named '{policyName}': declare it in a module's IPermissionProvider.");
        }

        return _permissionPolicies.GetOrAdd(policyName,
            name => new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(name)).Build());
    }

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _configured.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _configured.GetFallbackPolicyAsync();
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Resolved per request, so it asks that request's <see cref="ICurrentStaff"/> (none registered: nobody passes).</summary>
internal sealed class PermissionAuthorizationHandler(IServiceProvider services) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (services.GetService<ICurrentStaff>() is { UserId: not null } staff && staff.HasPermission(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
