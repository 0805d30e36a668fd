using SmartBranch.Line.Webhooks;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>
/// A module's reaction to one kind of LINE webhook event, run inside the event's tenant scope.
/// Handlers add their changes (and outbox messages) to the scope's <c>SmartBranchDbContext</c> but do
/// not save: the processor commits them together with the event's "processed" mark, so an event's
/// effects happen exactly once. Reading from LINE (a profile) is fine; sending goes through the outbox.
/// </summary>
public interface ILineWebhookEventHandler<in TEvent>
    where TEvent : LineWebhookEvent
{
    Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken);
}
