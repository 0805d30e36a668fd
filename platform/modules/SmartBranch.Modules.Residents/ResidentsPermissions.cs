using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Residents;

/// <summary>Who may see and take out residents' personal data (LINE profile, consent, preferences), and edit what they may register.</summary>
public sealed class ResidentsPermissions : IPermissionProvider
{
    public const string View = IResidentDirectory.ViewPermission;
    public const string Export = "residents.export";
    public const string ManageSegments = "residents.segments";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "住民（友だち）の一覧と詳細の閲覧", "View residents (LINE friends) and their details", [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Viewer]),
        new(Export, "住民一覧の CSV 出力", "Export the resident list as CSV", [StaffRoles.Admin]),
        new(ManageSegments, "セグメント（住民が登録する属性）の編集と本番への反映", "Edit the segment catalogue in staging and promote it to production", [StaffRoles.Admin]),
    ];
}
