namespace SmartBranch.Kernel.Authorization;

/// <summary>The platform's own permissions: staff, audit log, tenant settings and data export, and operators' access to personal data.</summary>
public sealed class KernelPermissions : IPermissionProvider
{
    public const string StaffManage = "staff.manage";
    public const string AuditView = "audit.view";
    public const string AuditExport = "audit.export";
    public const string TenantSettings = "tenant.settings";
    public const string TenantExport = "tenant.export";
    public const string AccessGrantsApprove = "access-grants.approve";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(StaffManage, "職員の招待・役割と権限の変更・利用停止", "Invite staff, change roles and the permission matrix, disable accounts", [StaffRoles.Admin]),
        new(AuditView, "監査ログの閲覧", "View the audit log", [StaffRoles.Admin]),
        new(AuditExport, "監査ログの CSV 出力", "Export the audit log as CSV", [StaffRoles.Admin]),
        new(TenantSettings, "自治体の設定（LINE チャネルなど）の変更", "Change the tenant's settings, such as its LINE channels", [StaffRoles.Admin]),
        new(TenantExport, "自治体データの一括エクスポート（住民の情報と監査ログを含む）", "Export all of the tenant's data, residents and audit log included", [StaffRoles.Admin]),
        new(AccessGrantsApprove, "運用事業者による個人情報閲覧の承認", "Approve an operator's time-limited access to personal data", [StaffRoles.Admin]),
    ];
}
