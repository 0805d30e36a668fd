using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.RichMenus;

/// <summary>Who may see and who may edit the tenant environment's rich menus.</summary>
public sealed class RichMenuPermissions : IPermissionProvider
{
    public const string View = "richmenus.view";
    public const string Edit = "richmenus.edit";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "リッチメニューの閲覧", "View rich menus", [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Viewer]),
        new(Edit, "リッチメニューの作成・編集", "Create and edit rich menus", [StaffRoles.Admin, StaffRoles.Staff]),
    ];
}
