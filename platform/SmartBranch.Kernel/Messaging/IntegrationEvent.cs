namespace SmartBranch.Kernel.Messaging;

/// <summary>
/// Something that happened, told to other modules through the outbox and the bus. Past-tense names
/// with the <c>IntegrationEvent</c> suffix; add fields, never rename (stored events must still load).
/// The outbox stamps the tenant and environment it was raised in.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    public string? TenantSlug { get; init; }

    public string? EnvironmentName { get; init; }
}
