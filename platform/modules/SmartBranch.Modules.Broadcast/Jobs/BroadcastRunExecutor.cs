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
/// Rounds overlap: a round is read and stored while LINE still answers the previous one, whose answers are
/// recorded after, so that the database's work hides behind LINE's rate limit instead of adding to it.
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
            Sending? sending = Sending.Nothing;
            while (sending is not null)
            {
                sending = await RoundAsync(runId, tenant, environment, claim, sending, cancellationToken);
            }
        }
        finally
        {
            await ReleaseAsync(runId, tenant, environment, claim);
        }
    }

    /// <param name="previous">The previous round's batches, which LINE may still be answering.</param>
    /// <returns>This round's batches on their way to LINE; null when the run is finished or no longer this worker's.</returns>
    private async Task<Sending?> RoundAsync(Guid runId, string tenant, string environment, Guid claim, Sending previous, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(tenant, environment);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SmartBranchDbContext>();
        var run = await db.Set<BroadcastRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.ClaimToken != claim || run.State != BroadcastRunState.Sending)
        {
            // Whoever holds the run now resends these batches with their retry keys; LINE answers 409 for the accepted ones.
            await previous.Outcomes;
            return null;
        }

        var delivery = await db.Set<BroadcastDelivery>().SingleAsync(d => d.Id == run.DeliveryId, cancellationToken);
        var inFlight = previous.Batches.Select(b => b.Id).ToList();
        var pending = await db.Set<BroadcastBatch>()
            .Where(b => b.RunId == runId && b.State == BroadcastBatchState.Pending && !inFlight.Contains(b.Id))
            .OrderBy(b => b.Sequence)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (run.StopRequestedAt is not null)
        {
            pending.InsertRange(0, Record(db, run, await previous.Outcomes, now));
            await FinishAsync(db, run, delivery, pending, BroadcastRunState.Stopped, StoppedReason, now);
            LogStopped(runId, run.SentCount);
            return null;
        }

        if (delivery.IsExpiredAt(now))
        {
            pending.InsertRange(0, Record(db, run, await previous.Outcomes, now));
            previous = Sending.Nothing;
            if (pending.Count > 0 || !run.AudienceExhausted)
            {
                await FinishAsync(db, run, delivery, pending, BroadcastRunState.Expired, ExpiredReason, now);
                LogExpired(runId, run.SentCount);
                return null;
            }
        }

        await StoreNextBatchesAsync(services, run, delivery.Segment, pending, now, cancellationToken);
        run.Claim(claim, now + options.Value.LeaseDuration);
        await db.SaveChangesAsync(cancellationToken); // Batches and cursor are durable before anything is sent.

        var next = pending.Count == 0 ? null : Send(services.GetRequiredService<ILineMessagingClient>(), pending, delivery, cancellationToken);
        var retrying = Record(db, run, await previous.Outcomes, clock.GetUtcNow());
        if (next is null)
        {
            if (retrying.Count > 0)
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return Sending.Nothing; // The next round resends them.
            }

            var outcome = run.SentCount == 0 && run.FailedCount > 0 ? BroadcastRunState.Failed : BroadcastRunState.Sent;
            await FinishAsync(db, run, delivery, [], outcome, null, clock.GetUtcNow());
            LogFinished(runId, outcome, run.SentCount, run.FailedCount);
            return null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return next;
    }

    /// <summary>Reads the recipients from the run's cursor until a round's worth of batches is pending or the audience ends.</summary>
    private async Task StoreNextBatchesAsync(
        IServiceProvider services, BroadcastRun run, SegmentExpression? segment, List<BroadcastBatch> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var audience = services.GetRequiredService<IResidentAudience>();
        var policies = services.GetServices<ILineRecipientPolicy>().ToList();
        var batchSize = options.Value.BatchSize;
        while (pending.Count < options.Value.ConcurrentBatches && !run.AudienceExhausted)
        {
            // One page for the whole round: a segment is evaluated once per page, however many batches it fills.
            var size = Math.Min((options.Value.ConcurrentBatches - pending.Count) * batchSize, IResidentAudience.MaxPageSize);
            var page = await audience.PageAsync(segment, run.Cursor, size, cancellationToken);
            var candidates = page.Members.Select(m => m.LineUserId).ToList();
            var refused = await policies.RefusedAsync(candidates, cancellationToken);
            var recipients = candidates.Where(id => !refused.Contains(id)).ToList();

            run.Excluded(page.Members.Count - recipients.Count);
            BroadcastMetrics.Excluded(run, page.Members.Count - recipients.Count);
            foreach (var chunk in recipients.Chunk(batchSize))
            {
                var batch = BroadcastBatch.Create(run.Id, run.NextBatchSequence(), chunk, now);
                services.GetRequiredService<SmartBranchDbContext>().Add(batch);
                pending.Add(batch);
            }

            run.BatchStored(page.Continuation, exhausted: page.Continuation is null);
        }
    }

    private static Sending Send(ILineMessagingClient line, List<BroadcastBatch> batches, BroadcastDelivery delivery, CancellationToken cancellationToken)
    {
        var messages = delivery.Messages.Select(m => m.ToLineMessage()).ToList();
        return new Sending(batches, Task.WhenAll(batches.Select(b => SendAsync(line, b, messages, cancellationToken))));
    }

    /// <summary>Records LINE's answers to a round in this round's unit of work.</summary>
    /// <returns>The batches that stay pending for another attempt.</returns>
    private static List<BroadcastBatch> Record(SmartBranchDbContext db, BroadcastRun run, SendOutcome[] outcomes, DateTimeOffset now)
    {
        var retrying = new List<BroadcastBatch>();
        foreach (var (batch, result, failure) in outcomes)
        {
            db.Attach(batch); // Stored by the previous round's unit of work.
            if (result is not null)
            {
                batch.Sent(result.RequestId, result.AlreadyAccepted, now);
                run.BatchSent(batch.RecipientCount);
                BroadcastMetrics.Sent(run, batch.RecipientCount);
            }
            else if (batch.Failed(failure!.Value.Reason, failure.Value.WorthRetrying, now))
            {
                run.BatchFailed(batch.RecipientCount);
                BroadcastMetrics.Failed(run, batch.RecipientCount);
            }
            else
            {
                retrying.Add(batch);
            }
        }

        return retrying;
    }

    private static async Task<SendOutcome> SendAsync(
        ILineMessagingClient line, BroadcastBatch batch, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            return new SendOutcome(batch, await line.MulticastAsync(batch.Recipients, messages, batch.RetryKey, cancellationToken), null);
        }
        catch (LineApiException e)
        {
            return new SendOutcome(batch, null, Classify(e));
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
            BroadcastMetrics.Failed(run, batch.RecipientCount);
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

    /// <summary>A round's batches on their way to LINE, and LINE's answers when they are all in.</summary>
    private sealed record Sending(IReadOnlyList<BroadcastBatch> Batches, Task<SendOutcome[]> Outcomes)
    {
        public static Sending Nothing { get; } = new([], Task.FromResult(Array.Empty<SendOutcome>()));
    }

    private sealed record SendOutcome(BroadcastBatch Batch, LineSendResult? Result, (string Reason, bool WorthRetrying)? Failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {RunId} finished {Outcome}: {Sent} recipients sent, {Failed} failed.")]
    private partial void LogFinished(Guid runId, BroadcastRunState outcome, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {RunId} stopped by staff after {Sent} recipients.")]
    private partial void LogStopped(Guid runId, int sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {RunId} expired after {Sent} recipients.")]
    private partial void LogExpired(Guid runId, int sent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Send {RunId}: its lease could not be released; it runs out by itself.")]
    private partial void LogReleaseFailed(Guid runId, Exception exception);
}
