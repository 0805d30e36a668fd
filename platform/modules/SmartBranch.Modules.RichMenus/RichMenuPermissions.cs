using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.RichMenus;

/// <summary>Who may see and who may edit the tenant environment's rich menus.</summary>
public sealed class RichMenuPermissions : IPermissionProvider
{
    public const string View = "richmenus.view";
    public const string Edit = "richmenus.edit";
    public const string Publish = "richmenus.publish";
    public const string DisasterMode = "richmenus.disaster-mode";
    public const string Assign = "richmenus.assign";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "リッチメニューの閲覧", "View rich menus", [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Viewer]),
        new(Edit, "リッチメニューの作成・編集", "Create and edit rich menus", [StaffRoles.Admin, StaffRoles.Staff]),
        new(Publish, "リッチメニューの公開・本番への反映", "Publish rich menus and promote them to production", [StaffRoles.Admin]),
        new(DisasterMode, "防災モードの切り替え", "Switch disaster mode on and off", [StaffRoles.Admin, StaffRoles.Staff]),
        new(Assign, "リッチメニューのセグメント・住民への割り当て", "Link rich menus to segments and to residents", [StaffRoles.Admin, StaffRoles.Staff]),
    ];
}
