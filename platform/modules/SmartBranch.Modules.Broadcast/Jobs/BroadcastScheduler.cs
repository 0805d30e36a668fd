using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>
/// Starts the sends that are due, in every tenant environment. An occurrence found long after its time (the
/// system was down) is recorded as missed and not sent, so a restart never fires a burst of late deliveries.
/// Two workers cannot start the same occurrence: a send is unique per delivery and occurrence.
/// </summary>
internal sealed partial class BroadcastScheduler(
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    BroadcastSchedulerSignal signal,
    BroadcastSenderSignal sender,
    IOptions<BroadcastOptions> options,
    TimeProvider clock,
    ILogger<BroadcastScheduler> logger) : PollingWorker(signal, logger)
{
    private const int DuePerPass = 50;

    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(Guid Id, string Tenant, string Environment)> due;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            // The scheduler serves every tenant, so it reads past the tenant filter; each delivery is then
            // handled inside its own tenant's scope.
            due = (await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Set<BroadcastDelivery>().IgnoreQueryFilters()
                    .Where(d => d.State == BroadcastDeliveryState.Scheduled && d.NextRunAt <= now)
                    .OrderBy(d => d.NextRunAt)
                    .Take(DuePerPass)
                    .Select(d => new { d.Id, d.TenantSlug, d.EnvironmentName })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.TenantSlug, d.EnvironmentName))
                .ToList();
        }

        var started = 0;
        foreach (var (id, tenant, environment) in due)
        {
            try
            {
                started += await StartDueAsync(id, tenant, environment, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStartFailed(id, e);
            }
        }

        if (started > 0)
        {
            sender.Notify();
        }

        return started;
    }

    private async Task<bool> StartDueAsync(Guid deliveryId, string tenant, string environment, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(tenant, environment);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SmartBranchDbContext>();
        var delivery = await db.Set<BroadcastDelivery>().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var now = clock.GetUtcNow();
        if (delivery.State != BroadcastDeliveryState.Scheduled || delivery.NextRunAt is not { } occurrence || occurrence > now)
        {
            return false;
        }

        if (delivery.IsExpiredAt(now))
        {
            delivery.Expire(now);
            LogExpired(deliveryId);
        }
        else if (now - occurrence > options.Value.MissedAfter)
        {
            db.Add(BroadcastRun.Missed(deliveryId, occurrence, now));
            delivery.OccurrenceMissed(occurrence, now);
            LogMissed(deliveryId, occurrence);
        }
        else
        {
            var targets = await services.GetRequiredService<IResidentAudience>().CountAsync(delivery.Segment, cancellationToken);
            var quotaWarning = await services.GetRequiredService<BroadcastQuotaCheck>().WarningForAsync(targets, cancellationToken);
            delivery.RunStarted(occurrence, now);
            if (quotaWarning is null)
            {
                db.Add(BroadcastRun.Start(deliveryId, occurrence, targets, now));
            }
            else
            {
                // Sending into an exhausted quota would reach some residents and not others; send to none and say why.
                db.Add(BroadcastRun.NotStarted(deliveryId, occurrence, targets, quotaWarning + " 送信していません。", now));
                delivery.RunFinished(BroadcastRunState.Failed, now);
                LogQuotaShort(deliveryId);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another worker started (or staff cancelled) this occurrence first.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting delivery {DeliveryId} failed; it is tried again.")]
    private partial void LogStartFailed(Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} expired before it was sent.")]
    private partial void LogExpired(Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the send due at {Occurrence} was missed and is held for staff to confirm.")]
    private partial void LogMissed(Guid deliveryId, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was not sent: LINE's monthly quota cannot cover its recipients.")]
    private partial void LogQuotaShort(Guid deliveryId);
}
