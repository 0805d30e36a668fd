using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.Reports;

/// <summary>
/// Who may read and handle residents' reports. Without <see cref="AllDepartments"/>, staff see only the reports of
/// the departments (課) they belong to.
/// </summary>
public sealed class ReportsPermissions : IPermissionProvider
{
    public const string View = "reports.view";
    public const string Handle = "reports.handle";
    public const string AllDepartments = "reports.all-departments";
    public const string Api = "reports.api";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "通報の閲覧（所属する課の案件。写真・場所・コメントを含む）", "View reports of one's own departments, with photo, place and comment",
            [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Contractor, StaffRoles.Viewer]),
        new(Handle, "通報の対応（状況の変更・内部メモ・公開地図への写真の掲載と取り下げ。状況の変更は通報者に LINE で届く）",
            "Change a report's status (the reporter is told in LINE), add internal notes, and publish or withdraw its photo on the public map",
            [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Contractor]),
        new(AllDepartments, "すべての課の通報の閲覧", "View the reports of every department", [StaffRoles.Admin]),
        new(Api, "Open311 API キーの管理（作成・一覧・無効化）", "Manage the Open311 API keys (create, list, revoke)", [StaffRoles.Admin]),
    ];
}
