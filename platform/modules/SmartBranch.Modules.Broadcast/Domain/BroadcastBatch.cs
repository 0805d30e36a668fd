using System.Text.Json;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Broadcast.Domain;

public enum BroadcastBatchState
{
    /// <summary>Stored, not yet confirmed by LINE. Sent again with the same retry key until LINE answers.</summary>
    Pending,
    Sent,
    Failed,

    /// <summary>Held back because the send was stopped or expired before LINE confirmed it.</summary>
    Withheld,
}

/// <summary>
/// One multicast (at most 500 recipients), stored with its <c>X-Line-Retry-Key</c> before it is sent: a resend
/// after a crash carries the same key, so LINE answers 409 instead of delivering twice.
/// </summary>
public sealed class BroadcastBatch : ITenantOwned
{
    public const int MaxAttempts = 5;

    private BroadcastBatch()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid RunId { get; private init; }
    public int Sequence { get; private init; }
    public Guid RetryKey { get; private init; }

    /// <summary>LINE user ids, as a JSON array.</summary>
    public string RecipientsJson { get; private init; } = "[]";
    public int RecipientCount { get; private init; }
    public BroadcastBatchState State { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Why LINE refused it, for the report (status and LINE's message, in LINE's words).</summary>
    public string? FailureReason { get; private set; }
    public string? LineRequestId { get; private set; }

    /// <summary>LINE answered 409: an earlier attempt with the same retry key had been accepted.</summary>
    public bool AlreadyAccepted { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyList<string> Recipients => JsonSerializer.Deserialize<List<string>>(RecipientsJson) ?? [];

    internal static BroadcastBatch Create(Guid runId, int sequence, IReadOnlyList<string> recipients, DateTimeOffset now) => new()
    {
        RunId = runId,
        Sequence = sequence,
        RetryKey = Guid.NewGuid(),
        RecipientsJson = JsonSerializer.Serialize(recipients),
        RecipientCount = recipients.Count,
        State = BroadcastBatchState.Pending,
        CreatedAt = now,
    };

    internal void Sent(string? requestId, bool alreadyAccepted, DateTimeOffset now)
    {
        Attempts++;
        State = BroadcastBatchState.Sent;
        LineRequestId = requestId;
        AlreadyAccepted = alreadyAccepted;
        FailureReason = null;
        CompletedAt = now;
    }

    /// <returns>True when the batch has failed for good; false when it stays pending for another attempt.</returns>
    internal bool Failed(string reason, bool worthRetrying, DateTimeOffset now)
    {
        Attempts++;
        FailureReason = reason;
        if (worthRetrying && Attempts < MaxAttempts)
        {
            return false;
        }

        State = BroadcastBatchState.Failed;
        CompletedAt = now;
        return true;
    }

    internal void Withhold(string reason, DateTimeOffset now)
    {
        State = BroadcastBatchState.Withheld;
        FailureReason = reason;
        CompletedAt = now;
    }
}
