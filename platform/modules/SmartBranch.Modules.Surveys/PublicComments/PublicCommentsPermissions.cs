using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.Surveys.PublicComments;

/// <summary>Who may see and run public comment cases, and who may read the opinions with their senders' identity.</summary>
public sealed class PublicCommentsPermissions : IPermissionProvider
{
    public const string View = "publiccomments.view";
    public const string Edit = "publiccomments.edit";
    public const string Opinions = "publiccomments.opinions";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "パブリックコメントの閲覧（案件と資料。意見は含まない）", "View public comment cases and their documents, not the opinions",
            [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Contractor, StaffRoles.Viewer]),
        new(Edit, "パブリックコメントの作成・編集・募集開始・締め切り・結果の公表", "Create, edit, open, close public comment cases and publish their results",
            [StaffRoles.Admin, StaffRoles.Staff]),
        new(Opinions, "パブリックコメントの意見の閲覧（氏名・住所など提出者の個人情報を含む）", "Read the opinions received, with their senders' names, addresses and other personal data",
            [StaffRoles.Admin, StaffRoles.Staff]),
    ];
}
