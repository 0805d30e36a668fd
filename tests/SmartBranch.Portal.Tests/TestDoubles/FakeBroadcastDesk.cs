using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Portal.Modules.Broadcast;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>A delivery a test sets, and a record of every action the screens asked for.</summary>
internal sealed class FakeBroadcastDesk : IBroadcastDeliveryDesk
{
    public BroadcastDeliveryDetail? Detail { get; set; }

    /// <summary>Thrown by the next action, as the module refuses one.</summary>
    public Exception? Refusal { get; set; }

    public List<string> Actions { get; } = [];

    public int EmergencyRecipients { get; set; }

    public List<(string Title, string Text, string Reason)> EmergenciesSent { get; } = [];

    public Guid EmergencyId { get; } = Guid.NewGuid();

    public bool ApprovalRequired { get; set; } = true;

    public Task<BroadcastDeliveryDetail> GetAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        Detail?.DeliveryId == deliveryId ? Task.FromResult(Detail) : throw new BroadcastRuleException("配信が見つかりません。");

    public Task ApproveAsync(Guid deliveryId, CancellationToken cancellationToken) => Act($"approve {deliveryId}");

    public Task RejectAsync(Guid deliveryId, string reason, CancellationToken cancellationToken) => Act($"reject {deliveryId}: {reason}");

    public Task CancelAsync(Guid deliveryId, CancellationToken cancellationToken) => Act($"cancel {deliveryId}");

    public Task StopAsync(Guid deliveryId, CancellationToken cancellationToken) => Act($"stop {deliveryId}");

    public Task SendMissedAsync(Guid runId, CancellationToken cancellationToken) => Act($"send missed {runId}");

    public Task<int> CountEmergencyRecipientsAsync(CancellationToken cancellationToken) => Task.FromResult(EmergencyRecipients);

    public async Task<Guid> SendEmergencyAsync(string title, string text, string reason, CancellationToken cancellationToken)
    {
        await Act("emergency");
        EmergenciesSent.Add((title, text, reason));
        return EmergencyId;
    }

    public Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken) => Task.FromResult(ApprovalRequired);

    public async Task SetApprovalRequiredAsync(bool required, CancellationToken cancellationToken)
    {
        await Act($"approval required: {required}");
        ApprovalRequired = required;
    }

    private Task Act(string action)
    {
        if (Refusal is { } refusal)
        {
            Refusal = null;
            return Task.FromException(refusal);
        }

        Actions.Add(action);
        return Task.CompletedTask;
    }
}
