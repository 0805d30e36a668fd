using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal;

/// <summary>The portal's own permissions: its dashboard and the staff management of tenant admins.</summary>
public sealed class PortalPermissions : IPermissionProvider
{
    public const string DashboardView = "dashboard.view";
    public const string StaffManage = "staff.manage";

    public static readonly Permission Dashboard = new(
        DashboardView, "ダッシュボードを見る", "View the dashboard", StaffRoles.TenantRoles);

    public static readonly Permission Staff = new(
        StaffManage, "職員アカウントを管理する", "Manage staff accounts", [StaffRoles.Admin]);

    public IReadOnlyList<Permission> Permissions { get; } = [Dashboard, Staff];
}
