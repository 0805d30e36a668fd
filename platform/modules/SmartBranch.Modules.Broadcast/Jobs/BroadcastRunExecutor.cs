using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>
/// Sends one claimed run in rounds. Each round first checks for a stop and for the valid-until time, then stores
/// the next batches (recipients, retry key, and the audience cursor after them) in one commit, and only then
/// calls LINE, the batches of a round concurrently. A crash therefore leaves either no batch (its page is read
/// again from the stored cursor) or a stored one, which is resent with the same retry key: LINE answers 409 if
/// it had accepted it. No resident receives a message twice and none is skipped.
/// </summary>
internal sealed partial class BroadcastRunExecutor(
    ITenantScopeFactory tenantScopes,
    IOptions<BroadcastOptions> options,
    TimeProvider clock,
    ILogger<BroadcastRunExecutor> logger)
{
    private const string StoppedReason = "停止により送信せず（LINE の受付未確認）";
    private const string ExpiredReason = "有効期限切れにより送信せず（LINE の受付未確認）";

    public async Task ExecuteAsync(Guid runId, string tenant, string environment, Guid claim, CancellationToken cancellationToken)
    {
        try
        {
            while (await RoundAsync(runId, tenant, environment, claim, cancellationToken))
            {
            }
        }
        finally
        {
            await ReleaseAsync(runId, tenant, environment, claim);
        }
    }

    /// <returns>False when the run is finished or no longer this worker's.</returns>
    private async Task<bool> RoundAsync(Guid runId, string tenant, string environment, Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(tenant, environment);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SmartBranchDbContext>();
        var run = await db.Set<BroadcastRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.ClaimToken != claim || run.State != BroadcastRunState.Sending)
        {
            return false;
        }

        var delivery = await db.Set<BroadcastDelivery>().SingleAsync(d => d.Id == run.DeliveryId, cancellationToken);
        var now = clock.GetUtcNow();
        var pending = await db.Set<BroadcastBatch>()
            .Where(b => b.RunId == runId && b.State == BroadcastBatchState.Pending)
            .OrderBy(b => b.Sequence)
            .ToListAsync(cancellationToken);
        if (run.StopRequestedAt is not null)
        {
            await FinishAsync(db, run, delivery, pending, BroadcastRunState.Stopped, StoppedReason, now);
            LogStopped(runId, run.SentCount);
            return false;
        }

        var everyoneReached = pending.Count == 0 && run.AudienceExhausted;
        if (delivery.IsExpiredAt(now) && !everyoneReached)
        {
            await FinishAsync(db, run, delivery, pending, BroadcastRunState.Expired, ExpiredReason, now);
            LogExpired(runId, run.SentCount);
            return false;
        }

        await StoreNextBatchesAsync(services, run, delivery.Segment, pending, now, cancellationToken);
        if (pending.Count == 0)
        {
            var outcome = run.SentCount == 0 && run.FailedCount > 0 ? BroadcastRunState.Failed : BroadcastRunState.Sent;
            await FinishAsync(db, run, delivery, pending, outcome, null, now);
            LogFinished(runId, outcome, run.SentCount, run.FailedCount);
            return false;
        }

        run.Claim(claim, now + options.Value.LeaseDuration);
        await db.SaveChangesAsync(cancellationToken); // Batches and cursor are durable before anything is sent.

        var line = services.GetRequiredService<ILineMessagingClient>();
        var messages = delivery.Messages.Select(m => m.ToLineMessage()).ToList();
        var outcomes = await Task.WhenAll(pending.Select(b => SendAsync(line, b, messages, cancellationToken)));
        now = clock.GetUtcNow();
        foreach (var (batch, result, failure) in outcomes)
        {
            if (result is not null)
            {
                batch.Sent(result.RequestId, result.AlreadyAccepted, now);
                run.BatchSent(batch.RecipientCount);
            }
            else if (batch.Failed(failure!.Value.Reason, failure.Value.WorthRetrying, now))
            {
                run.BatchFailed(batch.RecipientCount);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Reads pages from the run's cursor until a round's worth of batches is pending or the audience ends.</summary>
    private async Task StoreNextBatchesAsync(
        IServiceProvider services, BroadcastRun run, SegmentExpression? segment, List<BroadcastBatch> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var audience = services.GetRequiredService<IResidentAudience>();
        var policies = services.GetServices<ILineRecipientPolicy>().ToList();
        while (pending.Count < options.Value.ConcurrentBatches && !run.AudienceExhausted)
        {
            var page = await audience.PageAsync(segment, run.Cursor, options.Value.BatchSize, cancellationToken);
            var candidates = page.Members.Select(m => m.LineUserId).ToList();
            var refused = await policies.RefusedAsync(candidates, cancellationToken);
            var recipients = candidates.Where(id => !refused.Contains(id)).ToList();

            run.Excluded(page.Members.Count - recipients.Count);
            if (recipients.Count > 0)
            {
                var batch = BroadcastBatch.Create(run.Id, run.NextBatchSequence(), recipients, now);
                services.GetRequiredService<SmartBranchDbContext>().Add(batch);
                pending.Add(batch);
            }

            run.BatchStored(page.Continuation, exhausted: page.Continuation is null);
        }
    }

    private static async Task<(BroadcastBatch Batch, LineSendResult? Result, (string Reason, bool WorthRetrying)? Failure)> SendAsync(
        ILineMessagingClient line, BroadcastBatch batch, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            return (batch, await line.MulticastAsync(batch.Recipients, messages, batch.RetryKey, cancellationToken), null);
        }
        catch (LineApiException e)
        {
            return (batch, null, Classify(e));
        }
    }

    /// <summary>
    /// The client has already retried 429 and 5xx with backoff. What still fails that way is worth another round
    /// (same retry key, so safe); LINE refusing the request itself (4xx, the monthly limit) is not.
    /// </summary>
    private static (string Reason, bool WorthRetrying) Classify(LineApiException e)
    {
        if (e.StatusCode == 0)
        {
            return ("LINE に接続できませんでした", true);
        }

        var status = (int)e.StatusCode;
        var reason = $"LINE {status}: {e.LineMessage ?? "(理由なし)"}";
        var monthlyLimit = e.StatusCode == HttpStatusCode.TooManyRequests && (e.LineMessage?.Contains("monthly limit", StringComparison.OrdinalIgnoreCase) ?? false);
        return (reason, !monthlyLimit && (status >= 500 || e.StatusCode == HttpStatusCode.TooManyRequests));
    }

    private static async Task FinishAsync(
        SmartBranchDbContext db, BroadcastRun run, BroadcastDelivery delivery, List<BroadcastBatch> pending, BroadcastRunState outcome, string? withheldReason, DateTimeOffset now)
    {
        foreach (var batch in pending)
        {
            batch.Withhold(withheldReason ?? StoppedReason, now);
            run.BatchFailed(batch.RecipientCount);
        }

        run.Finish(outcome, now);
        delivery.RunFinished(outcome, now);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Gives the lease back at once on shutdown, so another worker resumes without waiting for it to run out.</summary>
    private async Task ReleaseAsync(Guid runId, string tenant, string environment, Guid claim)
    {
        try
        {
            await using var scope = tenantScopes.CreateScope(tenant, environment);
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            await using (await db.BeginWriteAsync(CancellationToken.None))
            {
                await db.Set<BroadcastRun>()
                    .Where(r => r.Id == runId && r.ClaimToken == claim)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LockedUntil, (DateTimeOffset?)null));
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or ObjectDisposedException)
        {
            // The lease runs out by itself.
            LogReleaseFailed(runId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {RunId} finished {Outcome}: {Sent} recipients sent, {Failed} failed.")]
    private partial void LogFinished(Guid runId, BroadcastRunState outcome, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {RunId} stopped by staff after {Sent} recipients.")]
    private partial void LogStopped(Guid runId, int sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {RunId} expired after {Sent} recipients.")]
    private partial void LogExpired(Guid runId, int sent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Send {RunId}: its lease could not be released; it runs out by itself.")]
    private partial void LogReleaseFailed(Guid runId, Exception exception);
}
