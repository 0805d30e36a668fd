using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>
/// TEST DOUBLE for the identity engineer's sign-in: the <c>X-Test-User</c> header names a persona,
/// and whoever sends it is signed in as that persona. Never part of the product.
/// </summary>
internal sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TestPersonas.All.TryGetValue(Request.Headers[Header].ToString(), out var persona))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, persona.Name), new(ClaimTypes.Name, persona.DisplayName) };
        claims.AddRange(persona.Permissions.Select(p => new Claim(TestPersonas.PermissionClaim, p)));
        if (persona.IsOperator)
        {
            claims.Add(new Claim(TestPersonas.OperatorClaim, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

internal sealed record TestPersona(string Name, string DisplayName, bool IsOperator, params string[] Permissions);

internal static class TestPersonas
{
    public const string PermissionClaim = "test-permission";
    public const string OperatorClaim = "test-operator";

    public static readonly TestPersona Admin = new("admin", "管理 太郎", false, PortalPermissions.DashboardView, KernelPermissions.StaffManage);
    public static readonly TestPersona Viewer = new("viewer", "閲覧 花子", false, PortalPermissions.DashboardView);
    public static readonly TestPersona Operator = new("operator", "運用 一郎", true);

    public static readonly IReadOnlyDictionary<string, TestPersona> All = new[] { Admin, Viewer, Operator }.ToDictionary(p => p.Name);
}

/// <summary>TEST DOUBLE of <see cref="ICurrentStaff"/>: the signed-in persona's claims, as the test handler wrote them.</summary>
internal sealed class ClaimsCurrentStaff(IHttpContextAccessor http) : ICurrentStaff
{
    private ClaimsPrincipal? User => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? DisplayName => User?.FindFirstValue(ClaimTypes.Name);

    public bool IsOperator => User?.HasClaim(TestPersonas.OperatorClaim, "true") ?? false;

    public IReadOnlyList<string> Roles => [];

    public IReadOnlyList<string> Departments => [];

    public bool HasPermission(string permission) => User?.HasClaim(TestPersonas.PermissionClaim, permission) ?? false;
}
