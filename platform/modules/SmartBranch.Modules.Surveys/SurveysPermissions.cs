using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.Surveys;

/// <summary>Who may see, write and publish surveys, and who may read the answers.</summary>
public sealed class SurveysPermissions : IPermissionProvider
{
    public const string View = "surveys.view";
    public const string Edit = "surveys.edit";
    public const string Results = "surveys.results";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "アンケートの閲覧（設定と質問。回答は含まない）", "View surveys' settings and questions, not the answers",
            [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Contractor, StaffRoles.Viewer]),
        new(Edit, "アンケートの作成・編集・公開・締め切り", "Create, edit, publish and close surveys", [StaffRoles.Admin, StaffRoles.Staff]),
        new(Results, "アンケートの回答の閲覧・集計・CSV 出力（回答者と電話番号などは、住民の閲覧権限がある場合だけ表示）",
            "Read, tabulate and export surveys' answers (respondents, phone numbers and the like only with the permission to view residents)",
            [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Contractor]),
    ];
}
