using System.Text.Json;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Outbox;

/// <summary>
/// Adds an integration event to the current unit of work: it is published only if, and after, the
/// caller's <c>SaveChangesAsync</c> commits, so a crash can neither lose it nor publish a rolled-back change.
/// </summary>
public interface IOutbox
{
    void Add<TEvent>(TEvent integrationEvent) where TEvent : IntegrationEvent;
}

internal sealed class Outbox(SmartBranchDbContext db, ICurrentTenant currentTenant, TimeProvider clock) : IOutbox
{
    public void Add<TEvent>(TEvent integrationEvent) where TEvent : IntegrationEvent
    {
        var tenant = currentTenant.Context;
        var stamped = integrationEvent with
        {
            TenantSlug = integrationEvent.TenantSlug ?? tenant?.TenantSlug,
            EnvironmentName = integrationEvent.EnvironmentName ?? tenant?.EnvironmentName,
        };
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = stamped.EventId,
            TenantSlug = stamped.TenantSlug,
            EnvironmentName = stamped.EnvironmentName,
            // The event's own type, not TEvent: a caller holding it as a base type must still store a deliverable message.
            MessageType = OutboxMessageTypes.NameOf(stamped.GetType()),
            Payload = JsonSerializer.Serialize(stamped, stamped.GetType(), OutboxMessageTypes.SerializerOptions),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

internal static class OutboxMessageTypes
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    // Assembly-qualified without version, so an upgrade still loads events stored before it.
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Type.GetType(name, throwOnError: false) ?? throw new InvalidOperationException($"Outbox message type '{name}' is not loaded.");
}
