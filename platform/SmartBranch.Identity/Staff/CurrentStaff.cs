using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Staff;

/// <summary>
/// The request's staff member: the account from the authenticated principal, its membership of the
/// current tenant, its operator role and what these grant, loaded once per request by
/// <see cref="CurrentStaffMiddleware"/>. An operator holds the viewer's permissions in a tenant only
/// while a personal-data access grant for it is active (docs/permissions.md).
/// </summary>
internal sealed class CurrentStaff(IRolePermissions rolePermissions, IPersonalDataAccessGrants grants) : ICurrentStaff
{
    private IReadOnlySet<string> _permissions = new HashSet<string>();

    public string? UserId { get; private set; }

    public string? DisplayName { get; private set; }

    public bool IsOperator { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>Signed in with an active membership of the current tenant, or as an operator.</summary>
    public bool IsActiveMember => UserId is not null && (IsOperator || Roles.Count > 0);

    public bool HasPermission(string permission) => _permissions.Contains(permission);

    public async Task LoadAsync(ClaimsPrincipal principal, ICurrentTenant tenant, SmartBranchDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)
            ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || userId is null)
        {
            return;
        }

        var account = await db.Set<StaffAccount>().AsNoTracking()
            .Where(a => a.Id == userId)
            .Select(a => new { a.Id, a.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return;
        }

        UserId = account.Id;
        DisplayName = account.DisplayName;
        IsOperator = await IsOperatorAsync(db, account.Id, cancellationToken);
        var tenantSlug = tenant.Tenant?.Slug;
        if (tenantSlug is null)
        {
            return;
        }

        var membership = await db.Set<TenantMembership>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.UserId == account.Id && m.TenantSlug == tenantSlug && !m.IsDisabled, cancellationToken);
        if (membership is not null)
        {
            Roles = membership.Roles;
            Departments = membership.Departments;
        }

        var effectiveRoles = IsOperator && await grants.HasActiveGrantAsync(account.Id, tenantSlug, cancellationToken)
            ? Roles.Append(StaffRoles.Viewer).ToList()
            : Roles;
        _permissions = await rolePermissions.PermissionsForAsync(tenantSlug, effectiveRoles, cancellationToken);
    }

    internal static Task<bool> IsOperatorAsync(SmartBranchDbContext db, string userId, CancellationToken cancellationToken) =>
        (from userRole in db.Set<IdentityUserRole<string>>()
         join role in db.Set<IdentityRole>() on userRole.RoleId equals role.Id
         where userRole.UserId == userId && role.Name == StaffRoles.Operator
         select userRole).AnyAsync(cancellationToken);
}

internal sealed class CurrentStaffLoader(CurrentStaff staff, ICurrentTenant tenant, SmartBranchDbContext db) : ICurrentStaffLoader
{
    public Task LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) => staff.LoadAsync(principal, tenant, db, cancellationToken);
}

/// <summary>Loads <see cref="CurrentStaff"/> after authentication and tenant resolution, so its members can be synchronous.</summary>
internal sealed class CurrentStaffMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentStaffLoader loader)
    {
        await loader.LoadAsync(context.User, context.RequestAborted);
        await next(context);
    }
}
