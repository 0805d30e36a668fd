using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Broadcast.Domain;

public enum BroadcastRunState
{
    Sending,
    Sent,
    Stopped,
    Expired,
    Failed,

    /// <summary>Not sent: its time passed while the system was down. Sent only if staff confirm.</summary>
    Missed,
}

/// <summary>
/// One send of a delivery (a one-off delivery has one; a recurring one, one per occurrence) and its report.
/// The engine walks the audience from <see cref="Cursor"/> and stores each batch before sending it, so a
/// send resumes after a crash exactly where it stood.
/// </summary>
public sealed class BroadcastRun : ITenantOwned
{
    private BroadcastRun()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid DeliveryId { get; private init; }

    /// <summary>The scheduled time this send belongs to; unique per delivery, so two workers never start the same one.</summary>
    public DateTimeOffset OccurrenceAt { get; private init; }
    public BroadcastRunState State { get; private set; }

    /// <summary>How many residents the audience held when the send started.</summary>
    public int TargetCount { get; private set; }
    public int SentCount { get; private set; }
    public int FailedCount { get; private set; }

    /// <summary>Recipients left out at send time because they may no longer receive messages (blocked since).</summary>
    public int ExcludedCount { get; private set; }

    /// <summary>The audience's continuation after the last stored batch; null before the first.</summary>
    public string? Cursor { get; private set; }
    public bool AudienceExhausted { get; private set; }
    public int BatchCount { get; private set; }

    /// <summary>Why the whole send failed or was not started (LINE's monthly quota, say); Japanese, for staff.</summary>
    public string? Problem { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public DateTimeOffset? StopRequestedAt { get; private set; }
    public string? StopRequestedBy { get; private set; }
    public string? ConfirmedLateBy { get; private set; }

    /// <summary>The worker holding this send until <see cref="LockedUntil"/>; it renews the lease as it goes.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    internal static BroadcastRun Start(Guid deliveryId, DateTimeOffset occurrence, int targetCount, DateTimeOffset now) => new()
    {
        DeliveryId = deliveryId, OccurrenceAt = occurrence, State = BroadcastRunState.Sending, TargetCount = targetCount, CreatedAt = now, StartedAt = now,
    };

    internal static BroadcastRun Missed(Guid deliveryId, DateTimeOffset occurrence, DateTimeOffset now) => new()
    {
        DeliveryId = deliveryId,
        OccurrenceAt = occurrence,
        State = BroadcastRunState.Missed,
        CreatedAt = now,
        Problem = "予定時刻にシステムが停止していたため送信していません。遅れて送信するには職員の確認が必要です。",
    };

    internal static BroadcastRun NotStarted(Guid deliveryId, DateTimeOffset occurrence, int targetCount, string problem, DateTimeOffset now) => new()
    {
        DeliveryId = deliveryId, OccurrenceAt = occurrence, State = BroadcastRunState.Failed, TargetCount = targetCount, CreatedAt = now, FinishedAt = now, Problem = problem,
    };

    public bool IsFinished => State is not (BroadcastRunState.Sending or BroadcastRunState.Missed);

    internal void ConfirmLate(string staffId, int targetCount, DateTimeOffset now)
    {
        if (State != BroadcastRunState.Missed)
        {
            throw new BroadcastRuleException("予定時刻を過ぎて未送信の配信だけを遅れて送信できます。");
        }

        State = BroadcastRunState.Sending;
        ConfirmedLateBy = staffId;
        TargetCount = targetCount;
        StartedAt = now;
        Problem = null;
    }

    internal void RequestStop(string staffId, DateTimeOffset now)
    {
        if (State != BroadcastRunState.Sending)
        {
            throw new BroadcastRuleException("送信中の配信だけを停止できます。");
        }

        StopRequestedAt ??= now;
        StopRequestedBy ??= staffId;
    }

    internal void Claim(Guid claim, DateTimeOffset lockedUntil)
    {
        ClaimToken = claim;
        LockedUntil = lockedUntil;
    }

    internal void Release()
    {
        ClaimToken = null;
        LockedUntil = null;
    }

    internal void BatchStored(string? cursor, bool exhausted)
    {
        Cursor = cursor;
        AudienceExhausted = exhausted;
    }

    internal int NextBatchSequence() => ++BatchCount;

    internal void Excluded(int count) => ExcludedCount += count;

    internal void BatchSent(int recipients) => SentCount += recipients;

    internal void BatchFailed(int recipients) => FailedCount += recipients;

    internal void Finish(BroadcastRunState outcome, DateTimeOffset now, string? problem = null)
    {
        State = outcome;
        FinishedAt = now;
        Problem ??= problem;
        Release();
    }
}
