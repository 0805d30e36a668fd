using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal;

/// <summary>The portal's own permission: its dashboard. Staff management uses the kernel's <see cref="KernelPermissions.StaffManage"/>.</summary>
public sealed class PortalPermissions : IPermissionProvider
{
    public const string DashboardView = "dashboard.view";

    public static readonly Permission Dashboard = new(
        DashboardView, "ダッシュボードを見る", "View the dashboard", StaffRoles.TenantRoles);

    public IReadOnlyList<Permission> Permissions { get; } = [Dashboard];
}
