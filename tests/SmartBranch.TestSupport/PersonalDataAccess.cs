using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.TestSupport;

/// <summary>Break-glass grants taken as the operator would take them, for tests of what an operator may then see.</summary>
public static class PersonalDataAccess
{
    /// <summary>The operator declares an emergency for <paramref name="tenant"/>: the grant is active at once.</summary>
    public static async Task<PersonalDataAccessGrant> DeclareEmergencyAsync(IServiceProvider services, TestAccount @operator, string tenant, string reason)
    {
        await using var scope = services.CreateAsyncScope();
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, @operator.UserId)], "TestSupport"));
        await scope.ServiceProvider.GetRequiredService<ICurrentStaffLoader>().LoadAsync(signedIn, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<IPersonalDataAccessGrants>()
            .RequestAsync(tenant, reason, TimeSpan.FromHours(1), emergency: true, CancellationToken.None);
    }
}
