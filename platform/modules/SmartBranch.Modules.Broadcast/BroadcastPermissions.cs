using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.Broadcast;

/// <summary>Who may write, approve, send in an emergency, stop and read deliveries to residents.</summary>
public sealed class BroadcastPermissions : IPermissionProvider
{
    public const string View = "broadcast.view";
    public const string Compose = "broadcast.compose";
    public const string Approve = "broadcast.approve";
    public const string SendEmergency = "broadcast.emergency";
    public const string Stop = "broadcast.stop";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "配信と配信結果の閲覧", "View deliveries and their reports", [StaffRoles.Admin, StaffRoles.Staff, StaffRoles.Viewer]),
        new(Compose, "配信の作成・編集・承認依頼・予約の取り消し", "Compose deliveries, submit them for approval and cancel them before sending", [StaffRoles.Admin, StaffRoles.Staff]),
        new(Approve, "配信の承認（作成者以外）", "Approve deliveries composed by someone else", [StaffRoles.Admin]),
        new(SendEmergency, "緊急配信（承認なしで友だち全員へ）", "Send an emergency delivery to all friends without approval", [StaffRoles.Admin]),
        new(Stop, "送信中の配信の停止", "Stop a delivery while it is being sent", [StaffRoles.Admin, StaffRoles.Staff]),
    ];
}
