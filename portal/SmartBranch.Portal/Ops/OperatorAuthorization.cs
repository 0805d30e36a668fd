using Microsoft.AspNetCore.Authorization;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Ops;

/// <summary>The operators' console is for the vendor's operators only, whatever tenant roles they hold.</summary>
public static class OperatorAuthorization
{
    public const string Policy = "platform.operate";

    public static void AddOperatorPolicy(this AuthorizationOptions options) =>
        options.AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement()));
}

internal sealed class OperatorRequirement : IAuthorizationRequirement;

internal sealed class OperatorAuthorizationHandler(ICurrentStaff currentStaff) : AuthorizationHandler<OperatorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        if (currentStaff.IsOperator)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
