using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.Payments;

/// <summary>Who may read the payments and refunds of the tenant environment, with the gateway's ids, to reconcile them.</summary>
public sealed class PaymentsPermissions : IPermissionProvider
{
    public const string View = "payments.view";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(View, "オンライン決済の照合（期間の支払い・返金と決済サービスの番号の一覧）", "Reconcile online payments: the period's payments and refunds with the gateway's ids",
            [StaffRoles.Admin]),
    ];
}
