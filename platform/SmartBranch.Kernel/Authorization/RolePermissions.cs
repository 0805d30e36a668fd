using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Which tenant roles hold which permissions: <see cref="Permission.DefaultRoles"/>, changed per
/// tenant by its admins. <see cref="ICurrentStaff"/> implementations ask
/// <see cref="PermissionsForAsync"/> for the signed-in member's roles. The operator role is no
/// tenant role and holds nothing here; an operator with an active personal-data grant
/// (<see cref="IPersonalDataAccessGrants"/>) holds what the viewer role holds in that tenant.
/// </summary>
public interface IRolePermissions
{
    Task<IReadOnlySet<string>> PermissionsForAsync(string tenantSlug, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>Every tenant role × every permission, for the admins' matrix screen.</summary>
    Task<IReadOnlyList<RolePermissionSetting>> GetMatrixAsync(string tenantSlug, CancellationToken cancellationToken);

    /// <summary>Grants or withdraws one permission of one role in the tenant; audited.</summary>
    /// <exception cref="RolePermissionsException">Unknown role or permission, or admins would lose staff management.</exception>
    Task SetAsync(string tenantSlug, string role, string permission, bool granted, CancellationToken cancellationToken);
}

/// <param name="IsDefault">True when the tenant has not changed this cell.</param>
public sealed record RolePermissionSetting(string Role, string Permission, bool Granted, bool IsDefault);

/// <summary>A refusal with a message to show staff, in Japanese.</summary>
public sealed class RolePermissionsException : Exception
{
    public RolePermissionsException() { }

    public RolePermissionsException(string message) : base(message) { }

    public RolePermissionsException(string message, Exception innerException) : base(message, innerException) { }
}

internal sealed class RolePermissions(SmartBranchDbContext db, PermissionRegistry registry, AuditLog auditLog, TimeProvider clock) : IRolePermissions
{
    public async Task<IReadOnlySet<string>> PermissionsForAsync(string tenantSlug, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var tenantRoles = roles.Intersect(StaffRoles.TenantRoles).ToList();
        if (tenantRoles.Count == 0)
        {
            return new HashSet<string>();
        }

        var overrides = await db.RolePermissionOverrides.AsNoTracking()
            .Where(o => o.TenantSlug == tenantSlug && tenantRoles.Contains(o.Role))
            .ToListAsync(cancellationToken);
        return registry.All
            .Where(p => tenantRoles.Any(role => Holds(p, role, overrides)))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<RolePermissionSetting>> GetMatrixAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        var overrides = await db.RolePermissionOverrides.AsNoTracking().Where(o => o.TenantSlug == tenantSlug).ToListAsync(cancellationToken);
        return StaffRoles.TenantRoles
            .SelectMany(role => registry.All.Select(p => new RolePermissionSetting(
                role, p.Name, Holds(p, role, overrides), !overrides.Any(o => o.Role == role && o.Permission == p.Name))))
            .ToList();
    }

    public async Task SetAsync(string tenantSlug, string role, string permission, bool granted, CancellationToken cancellationToken)
    {
        if (!StaffRoles.TenantRoles.Contains(role))
        {
            throw new RolePermissionsException($"役割「{role}」はありません。");
        }

        var declared = registry.Find(permission) ?? throw new RolePermissionsException($"権限「{permission}」はありません。");
        if (role == StaffRoles.Admin && permission == KernelPermissions.StaffManage && !granted)
        {
            throw new RolePermissionsException("管理者から「職員の管理」の権限は外せません（誰も権限を戻せなくなります）。");
        }

        var existing = await db.RolePermissionOverrides.FindAsync([tenantSlug, role, permission], cancellationToken);
        var isDefault = declared.DefaultRoles.Contains(role) == granted;
        if (isDefault && existing is not null)
        {
            db.RolePermissionOverrides.Remove(existing);
        }
        else if (!isDefault)
        {
            existing ??= db.RolePermissionOverrides.Add(new RolePermissionOverride { TenantSlug = tenantSlug, Role = role, Permission = permission }).Entity;
            existing.Granted = granted;
            existing.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        await auditLog.RecordForTenantAsync(tenantSlug, new AuditRecord(
            granted ? "permissions.granted" : "permissions.revoked",
            "role",
            role,
            $"{StaffRoles.JapaneseName(role)}の権限「{declared.DescriptionJa}」を{(granted ? "付与" : "解除")}しました。"),
            cancellationToken);
    }

    private static bool Holds(Permission permission, string role, IReadOnlyList<RolePermissionOverride> overrides) =>
        overrides.FirstOrDefault(o => o.Role == role && o.Permission == permission.Name) is { } changed
            ? changed.Granted
            : permission.DefaultRoles.Contains(role);
}
