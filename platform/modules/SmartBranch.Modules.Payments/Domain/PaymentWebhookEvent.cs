using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Payments.Domain;

/// <summary>A gateway event handled (unique per gateway and event id), so that a replayed one is ignored.</summary>
public sealed class PaymentWebhookEvent : ITenantOwned
{
    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Gateway { get; private init; } = "";
    public string EventId { get; private init; } = "";
    public string Kind { get; private init; } = "";
    public string Reference { get; private init; } = "";
    public DateTimeOffset ReceivedAt { get; private init; }

    public static PaymentWebhookEvent Handled(string gateway, string eventId, string kind, string reference, DateTimeOffset now) =>
        new() { Gateway = gateway, EventId = eventId, Kind = kind, Reference = reference, ReceivedAt = now };
}
