using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Staff;

/// <summary>The policies of <see cref="SmartBranchAuthentication"/>: portal member, operator, tenant API client.</summary>
internal static class StaffAuthorization
{
    public static void AddStaffPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SmartBranchAuthentication.PortalMemberPolicy, policy => policy
                .AddAuthenticationSchemes(SmartBranchAuthentication.Portal)
                .RequireAuthenticatedUser()
                .AddRequirements(new ActiveMemberRequirement()))
            .AddPolicy(SmartBranchAuthentication.OperatorPolicy, policy => policy
                .AddAuthenticationSchemes(SmartBranchAuthentication.Portal)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.Resource is HttpContext http
                    && http.RequestServices.GetRequiredService<ICurrentStaff>().IsOperator))
            .AddPolicy(SmartBranchAuthentication.TenantApiPolicy, policy => policy
                .AddAuthenticationSchemes(SmartBranchAuthentication.Api)
                .RequireAuthenticatedUser()
                .AddRequirements(new TenantApiClientRequirement()));
        foreach (var scope in ApiScopes.All)
        {
            services.AddAuthorizationBuilder().AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(SmartBranchAuthentication.Api)
                .RequireAuthenticatedUser()
                .AddRequirements(new TenantApiClientRequirement())
                .RequireAssertion(context => context.User.HasScope(scope)));
        }

        services.AddScoped<IAuthorizationHandler, ActiveMemberHandler>();
        services.AddScoped<IAuthorizationHandler, TenantApiClientHandler>();
    }

    private sealed class ActiveMemberRequirement : IAuthorizationRequirement;

    private sealed class ActiveMemberHandler(CurrentStaff staff, ICurrentTenant tenant) : AuthorizationHandler<ActiveMemberRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveMemberRequirement requirement)
        {
            if (staff.IsOperator || (tenant.Tenant is not null && staff.IsActiveMember))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class TenantApiClientRequirement : IAuthorizationRequirement;

    private sealed class TenantApiClientHandler(ICurrentTenant tenant) : AuthorizationHandler<TenantApiClientRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantApiClientRequirement requirement)
        {
            var claimed = context.User.FindFirst(SmartBranchAuthentication.TenantClaim)?.Value;
            if (claimed is not null && claimed == tenant.Tenant?.Slug)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
