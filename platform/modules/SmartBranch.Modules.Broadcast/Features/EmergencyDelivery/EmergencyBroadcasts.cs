using SmartBranch.Kernel.Audit;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Broadcast.Jobs;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;

/// <summary>An emergency delivery: to all friends, at once, without approval, by someone allowed to, with a reason.</summary>
public sealed class EmergencyBroadcasts
{
    private readonly BroadcastStaff _staff;
    private readonly IResidentAudience _audience;
    private readonly BroadcastSchedulerSignal _signal;
    private readonly TimeProvider _clock;

    internal EmergencyBroadcasts(BroadcastStaff staff, IResidentAudience audience, BroadcastSchedulerSignal signal, TimeProvider clock)
    {
        _staff = staff;
        _audience = audience;
        _signal = signal;
        _clock = clock;
    }

    /// <summary>How many residents an emergency delivery reaches now: all friends.</summary>
    public Task<int> CountRecipientsAsync(CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.SendEmergency);
        return _audience.CountAsync(null, cancellationToken);
    }

    public async Task<Guid> SendAsync(string title, IReadOnlyList<BroadcastContent> messages, string reason, CancellationToken cancellationToken)
    {
        var author = _staff.Require(BroadcastPermissions.SendEmergency);
        var delivery = BroadcastDelivery.Emergency(author, title, messages, reason, _clock.GetUtcNow());
        _staff.Db.Add(delivery);
        await _staff.SaveAndAuditAsync(
            new AuditRecord("broadcast.emergency.sent", "broadcast", delivery.Id.ToString(), $"緊急配信「{delivery.Title}」（理由: {delivery.EmergencyReason}）"),
            cancellationToken);
        _signal.Notify();
        return delivery.Id;
    }
}
