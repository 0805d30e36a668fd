using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Outbox;

/// <summary>
/// Publishes committed outbox messages to the bus, oldest first. A batch is claimed with one
/// conditional update, so several worker processes never publish a message at the same time; a
/// failed publish is retried with exponential backoff (eShop's log never retries; ours must).
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : PollingWorker(signal, logger)
{
    public const int MaxAttempts = 25;
    private const int BatchSize = 100;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(1);

    /// <returns>How many messages this dispatcher claimed.</returns>
    protected internal override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        var messages = await ClaimAsync(db, cancellationToken);
        foreach (var message in messages)
        {
            await PublishAsync(bus, message, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return messages.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(SmartBranchDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.State == OutboxMessageState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.CreatedAt)
            .Take(BatchSize)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var claim = Guid.NewGuid();
        var lockedUntil = now + ClaimDuration;
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await db.OutboxMessages
                .Where(m => due.Contains(m.Id) && m.State == OutboxMessageState.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil).SetProperty(m => m.ClaimToken, claim), cancellationToken);
        }

        return await db.OutboxMessages.Where(m => m.ClaimToken == claim).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
    }

    private async Task PublishAsync(IPublishEndpoint bus, OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        message.LockedUntil = null;
        message.ClaimToken = null;
        try
        {
            var type = OutboxMessageTypes.Resolve(message.MessageType);
            var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxMessageTypes.SerializerOptions)!;
            await bus.Publish(payload, type, context =>
            {
                context.MessageId = message.Id;
                if (message.TenantSlug is not null && message.EnvironmentName is not null)
                {
                    context.Headers.Set(TenantHeaders.Tenant, message.TenantSlug);
                    context.Headers.Set(TenantHeaders.Environment, message.EnvironmentName);
                }
            }, cancellationToken);

            message.State = OutboxMessageState.Published;
            message.PublishedAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.LastError = ErrorSummary.Of(e);
            message.NextAttemptAt = clock.GetUtcNow() + RetryBackoff.After(message.Attempts);
            if (message.Attempts >= MaxAttempts)
            {
                message.State = OutboxMessageState.Failed;
            }

            LogPublishFailed(message.Id, message.Attempts, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} failed (attempt {Attempts}).")]
    private partial void LogPublishFailed(Guid messageId, int attempts, Exception exception);

}
