using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal;

/// <summary>The portal's own permissions: its dashboard and the manual. Staff management uses the kernel's <see cref="KernelPermissions.StaffManage"/>.</summary>
public sealed class PortalPermissions : IPermissionProvider
{
    public const string DashboardView = "dashboard.view";
    public const string HelpView = "help.view";

    public static readonly Permission Dashboard = new(
        DashboardView, "ダッシュボードを見る", "View the dashboard", StaffRoles.TenantRoles);

    public static readonly Permission Help = new(
        HelpView, "操作の手引きを見る", "Read the operations manual", StaffRoles.TenantRoles);

    public IReadOnlyList<Permission> Permissions { get; } = [Dashboard, Help];
}
