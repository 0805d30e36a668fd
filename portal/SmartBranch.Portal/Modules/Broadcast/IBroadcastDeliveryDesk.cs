using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;

namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>
/// What the delivery screens' interactive parts ask of the Broadcast module. Each call is checked by the
/// module against the signed-in staff member's permissions and refused with a Japanese message:
/// <c>BroadcastForbiddenException</c> without the permission, <c>BroadcastRuleException</c> when the delivery's
/// state does not allow it. Component tests replace it; the module needs a database.
/// </summary>
public interface IBroadcastDeliveryDesk
{
    Task<BroadcastDeliveryDetail> GetAsync(Guid deliveryId, CancellationToken cancellationToken);

    Task ApproveAsync(Guid deliveryId, CancellationToken cancellationToken);

    Task RejectAsync(Guid deliveryId, string reason, CancellationToken cancellationToken);

    Task CancelAsync(Guid deliveryId, CancellationToken cancellationToken);

    Task StopAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Sends now the send held back because its time passed while the system was down.</summary>
    Task SendMissedAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>All friends: who an emergency delivery reaches.</summary>
    Task<int> CountEmergencyRecipientsAsync(CancellationToken cancellationToken);

    /// <returns>The emergency delivery's id.</returns>
    Task<Guid> SendEmergencyAsync(string title, string text, string reason, CancellationToken cancellationToken);

    Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken);

    Task SetApprovalRequiredAsync(bool required, CancellationToken cancellationToken);
}
