using SmartBranch.Kernel.Messaging;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>
/// An operator scheduled a maintenance window and asked to tell the event's tenant environment's residents: the
/// Broadcast module prepares a draft delivery that the city's staff review, approve and send. Times are UTC.
/// </summary>
/// <param name="RequestedByUserId">The operator who scheduled the window: the draft's author.</param>
public sealed record MaintenanceAnnouncementRequestedIntegrationEvent(
    Guid WindowId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    string AlternativeCounter,
    string AlternativePhone,
    string? AlternativeHours,
    string RequestedByUserId) : IntegrationEvent;
