using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.Applications;

/// <summary>
/// Who may read and process residents' applications. Without <see cref="AllDepartments"/>, staff see only the
/// applications of the departments (課) they belong to. Every view of an application's personal data is audited.
/// </summary>
public sealed class ApplicationsPermissions : IPermissionProvider
{
    public const string View = "applications.view";
    public const string Process = "applications.process";
    public const string AllDepartments = "applications.all-departments";
    public const string ManageCatalog = "applications.catalog";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "申請の閲覧（所属する課の申請。入力内容・基本4情報を含む。閲覧は監査ログに残る）",
            "View applications of one's own departments, with the entered data and the verified identity (every view is audited)",
            [StaffRoles.Admin, StaffRoles.Staff]),
        new(Process, "申請の処理（審査・発送・却下と返金。状況の変更は申請者に LINE で届く）",
            "Process applications (review, ship, reject with refund); the applicant is told in LINE",
            [StaffRoles.Admin, StaffRoles.Staff]),
        new(AllDepartments, "すべての課の申請の閲覧", "View the applications of every department", [StaffRoles.Admin]),
        new(ManageCatalog, "申請の種類の手数料・郵送料の変更", "Change the fees and postage of the application types", [StaffRoles.Admin]),
    ];
}
