using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ControlDelivery;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;
using SmartBranch.Modules.Broadcast.Features.Settings;

namespace SmartBranch.Portal.Modules.Broadcast;

internal sealed class BroadcastDeliveryDesk(
    BroadcastDeliveryDetails details,
    BroadcastApprovals approvals,
    BroadcastControl control,
    EmergencyBroadcasts emergencies,
    BroadcastSettingsService settings) : IBroadcastDeliveryDesk
{
    public Task<BroadcastDeliveryDetail> GetAsync(Guid deliveryId, CancellationToken cancellationToken) => details.GetAsync(deliveryId, cancellationToken);

    public Task ApproveAsync(Guid deliveryId, CancellationToken cancellationToken) => approvals.ApproveAsync(deliveryId, cancellationToken);

    public Task RejectAsync(Guid deliveryId, string reason, CancellationToken cancellationToken) => approvals.RejectAsync(deliveryId, reason, cancellationToken);

    public Task CancelAsync(Guid deliveryId, CancellationToken cancellationToken) => control.CancelAsync(deliveryId, cancellationToken);

    public Task StopAsync(Guid deliveryId, CancellationToken cancellationToken) => control.StopAsync(deliveryId, cancellationToken);

    public Task SendMissedAsync(Guid runId, CancellationToken cancellationToken) => control.SendMissedAsync(runId, cancellationToken);

    public Task<int> CountEmergencyRecipientsAsync(CancellationToken cancellationToken) => emergencies.CountRecipientsAsync(cancellationToken);

    public Task<Guid> SendEmergencyAsync(string title, string text, string reason, CancellationToken cancellationToken) =>
        emergencies.SendAsync(title, [new BroadcastText(text)], reason, cancellationToken);

    public Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken) => settings.IsApprovalRequiredAsync(cancellationToken);

    public Task SetApprovalRequiredAsync(bool required, CancellationToken cancellationToken) => settings.SetApprovalRequiredAsync(required, cancellationToken);
}
