using System.Text.Json;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Domain;

public enum BroadcastDeliveryState
{
    Draft,
    AwaitingApproval,

    /// <summary>Approved (or needing no approval) and waiting for its time; a recurring delivery stays here between sends.</summary>
    Scheduled,
    Sending,
    Sent,
    Stopped,
    Cancelled,

    /// <summary>Its valid-until time passed before it was (fully) sent.</summary>
    Expired,
    Failed,

    /// <summary>Its time passed while the system was down; it waits for staff to confirm a late send.</summary>
    Missed,
}

/// <summary>
/// A delivery to residents: up to five messages, who receives them (a segment, or all friends), when, and until
/// when they are still worth sending. Only a draft can be changed, so what the approver saw is what is sent.
/// </summary>
public sealed class BroadcastDelivery : ITenantOwned
{
    public const int MaxTitleLength = 100;
    public const int MaxReasonLength = 500;

    private BroadcastDelivery()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary>The staff's name for the delivery; residents never see it.</summary>
    public string Title { get; private set; } = "";
    public string MessagesJson { get; private set; } = "[]";

    /// <summary>The words residents read in the messages, one message a line: what staff search the history by.</summary>
    public string MessageText { get; private set; } = "";

    /// <summary>A <see cref="SegmentExpression"/> as JSON; null: all friends.</summary>
    public string? SegmentJson { get; private set; }
    public string ScheduleJson { get; private set; } = "";
    public DateTimeOffset? ValidUntil { get; private set; }
    public BroadcastDeliveryState State { get; private set; }

    /// <summary>When the scheduler next starts a send (UTC); null when nothing is due.</summary>
    public DateTimeOffset? NextRunAt { get; private set; }
    public bool IsEmergency { get; private init; }
    public string? EmergencyReason { get; private init; }
    public string AuthorId { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ApproverId { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>How many residents the segment reached when the approver approved.</summary>
    public int? ApprovedRecipientCount { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? CancelledBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Changes on every update, so two staff acting at once cannot both win.</summary>
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<BroadcastContent> Messages => BroadcastContent.Deserialize(MessagesJson);

    public SegmentExpression? Segment => SegmentJson is null ? null : JsonSerializer.Deserialize<SegmentExpression>(SegmentJson, BroadcastContent.Json);

    public BroadcastSchedule Schedule => BroadcastSchedule.Deserialize(ScheduleJson);

    /// <param name="id">The id the draft's requester chose (a draft another module asked for), or null for a new one.</param>
    public static BroadcastDelivery Draft(string authorId, BroadcastDraft draft, DateTimeOffset now, Guid? id = null)
    {
        var delivery = new BroadcastDelivery { Id = id ?? Guid.CreateVersion7(), AuthorId = authorId, CreatedAt = now, State = BroadcastDeliveryState.Draft };
        delivery.Apply(draft, now);
        return delivery;
    }

    /// <summary>An emergency delivery: to all friends, at once, with no approval; the reason is kept with it.</summary>
    public static BroadcastDelivery Emergency(string authorId, string title, IReadOnlyList<BroadcastContent> messages, string reason, DateTimeOffset now)
    {
        var problems = new List<BroadcastProblem>();
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            problems.Add(new(BroadcastDraftPart.Delivery, $"緊急配信の理由を {MaxReasonLength} 文字以内で入力してください。"));
        }

        var delivery = new BroadcastDelivery
        {
            AuthorId = authorId, CreatedAt = now, IsEmergency = true, EmergencyReason = reason?.Trim(), State = BroadcastDeliveryState.Draft,
        };
        delivery.Apply(new BroadcastDraft(title, messages, null, null, new SendNow()), now, problems);
        delivery.SubmittedAt = now;
        delivery.ScheduleFrom(now);
        return delivery;
    }

    public void Update(BroadcastDraft draft, DateTimeOffset now)
    {
        EnsureState("編集", BroadcastDeliveryState.Draft);
        Apply(draft, now);
    }

    /// <summary>Sends the draft for approval, or, when the tenant needs none, schedules it.</summary>
    public void Submit(bool approvalRequired, DateTimeOffset now)
    {
        EnsureState("承認依頼", BroadcastDeliveryState.Draft);
        Validate(Title, Messages, Schedule, ValidUntil, now);
        SubmittedAt = now;
        RejectionReason = null;
        if (approvalRequired)
        {
            State = BroadcastDeliveryState.AwaitingApproval;
            Touch(now);
        }
        else
        {
            ScheduleFrom(now);
        }
    }

    public void Approve(string approverId, int recipientCount, DateTimeOffset now)
    {
        EnsureState("承認", BroadcastDeliveryState.AwaitingApproval);
        if (approverId == AuthorId)
        {
            throw new BroadcastRuleException("作成者は自分の配信を承認できません。別の承認者に依頼してください。");
        }

        if (ValidUntil is { } validUntil && validUntil <= now)
        {
            throw new BroadcastRuleException("有効期限を過ぎているため承認できません。");
        }

        if (Schedule.FirstOccurrence(now) < now)
        {
            throw new BroadcastRuleException("予約日時を過ぎているため承認できません。差し戻して日時を変更してもらってください。");
        }

        ApproverId = approverId;
        ApprovedAt = now;
        ApprovedRecipientCount = recipientCount;
        ScheduleFrom(now);
    }

    /// <summary>Returns the delivery to its author as a draft, with the reason.</summary>
    public void Reject(string approverId, string reason, DateTimeOffset now)
    {
        EnsureState("差し戻し", BroadcastDeliveryState.AwaitingApproval);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new BroadcastRuleException($"差し戻しの理由を {MaxReasonLength} 文字以内で入力してください。");
        }

        ApproverId = approverId;
        RejectionReason = reason.Trim();
        State = BroadcastDeliveryState.Draft;
        Touch(now);
    }

    /// <summary>Withdraws a delivery before it is sent; a recurring one sends nothing more.</summary>
    public void Cancel(string staffId, DateTimeOffset now)
    {
        EnsureState("取り消し", BroadcastDeliveryState.Draft, BroadcastDeliveryState.AwaitingApproval, BroadcastDeliveryState.Scheduled, BroadcastDeliveryState.Missed);
        State = BroadcastDeliveryState.Cancelled;
        NextRunAt = null;
        CancelledBy = staffId;
        CancelledAt = now;
        Touch(now);
    }

    /// <summary>A send has started for the due occurrence; a recurring delivery moves on to its next one.</summary>
    internal void RunStarted(DateTimeOffset occurrence, DateTimeOffset now)
    {
        if (Schedule.IsRecurring)
        {
            AdvancePast(occurrence);
        }
        else
        {
            State = BroadcastDeliveryState.Sending;
            NextRunAt = null;
        }

        Touch(now);
    }

    /// <summary>The due occurrence was missed (the system was down): it is not sent unless staff confirm.</summary>
    internal void OccurrenceMissed(DateTimeOffset occurrence, DateTimeOffset now)
    {
        if (Schedule.IsRecurring)
        {
            AdvancePast(occurrence);
        }
        else
        {
            State = BroadcastDeliveryState.Missed;
            NextRunAt = null;
        }

        Touch(now);
    }

    /// <summary>Staff confirmed a late send of a missed one-off delivery.</summary>
    internal void MissedConfirmed(DateTimeOffset now)
    {
        EnsureState("遅れての送信", BroadcastDeliveryState.Missed);
        State = BroadcastDeliveryState.Sending;
        Touch(now);
    }

    /// <summary>Its valid-until time passed before its next send: nothing more is ever sent.</summary>
    internal void Expire(DateTimeOffset now)
    {
        State = BroadcastDeliveryState.Expired;
        NextRunAt = null;
        Touch(now);
    }

    /// <summary>A one-off delivery takes its send's outcome; a recurring one keeps its schedule.</summary>
    internal void RunFinished(BroadcastRunState outcome, DateTimeOffset now)
    {
        if (Schedule.IsRecurring)
        {
            return;
        }

        State = outcome switch
        {
            BroadcastRunState.Sent => BroadcastDeliveryState.Sent,
            BroadcastRunState.Stopped => BroadcastDeliveryState.Stopped,
            BroadcastRunState.Expired => BroadcastDeliveryState.Expired,
            _ => BroadcastDeliveryState.Failed,
        };
        Touch(now);
    }

    public bool IsExpiredAt(DateTimeOffset now) => ValidUntil is { } validUntil && validUntil <= now;

    private void AdvancePast(DateTimeOffset occurrence)
    {
        NextRunAt = Schedule.OccurrenceAfter(occurrence);
        if (NextRunAt is null || IsExpiredAt(NextRunAt.Value))
        {
            // The recurrence has ended; its last send reports for itself.
            State = BroadcastDeliveryState.Sent;
            NextRunAt = null;
        }
    }

    private void ScheduleFrom(DateTimeOffset now)
    {
        State = BroadcastDeliveryState.Scheduled;
        NextRunAt = Schedule.FirstOccurrence(now);
        Touch(now);
    }

    private void Apply(BroadcastDraft draft, DateTimeOffset now, List<BroadcastProblem>? problems = null)
    {
        problems ??= [];
        problems.AddRange(Problems(draft.Title, draft.Messages, draft.Schedule, draft.ValidUntil, now));
        if (problems.Count > 0)
        {
            throw new BroadcastRuleException(problems);
        }

        Title = draft.Title.Trim();
        MessagesJson = BroadcastContent.Serialize(draft.Messages);
        MessageText = string.Join('\n', draft.Messages.Select(m => m.Words).Where(w => w.Length > 0));
        SegmentJson = draft.Segment is null ? null : JsonSerializer.Serialize(draft.Segment, BroadcastContent.Json);
        ScheduleJson = BroadcastSchedule.Serialize(draft.Schedule);
        ValidUntil = draft.ValidUntil?.ToUniversalTime();
        Touch(now);
    }

    private static void Validate(string title, IReadOnlyList<BroadcastContent> messages, BroadcastSchedule schedule, DateTimeOffset? validUntil, DateTimeOffset now)
    {
        var problems = Problems(title, messages, schedule, validUntil, now);
        if (problems.Count > 0)
        {
            throw new BroadcastRuleException(problems);
        }
    }

    private static List<BroadcastProblem> Problems(string? title, IReadOnlyList<BroadcastContent>? messages, BroadcastSchedule? schedule, DateTimeOffset? validUntil, DateTimeOffset now)
    {
        var problems = new List<BroadcastProblem>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            problems.Add(new(BroadcastDraftPart.Title, $"配信名を {MaxTitleLength} 文字以内で入力してください。"));
        }

        problems.AddRange(BroadcastContent.ProblemsOf(messages));
        if (schedule is null)
        {
            problems.Add(new(BroadcastDraftPart.Schedule, "配信日時を指定してください。"));
        }
        else
        {
            var found = new List<string>();
            schedule.Validate(now, found);
            problems.AddRange(found.Select(text => new BroadcastProblem(BroadcastDraftPart.Schedule, text)));
            if (validUntil is { } until && (until <= now || (!schedule.IsRecurring && schedule.FirstOccurrence(now) >= until)))
            {
                problems.Add(new(BroadcastDraftPart.ValidUntil, "有効期限は配信日時より後にしてください。"));
            }
        }

        return problems;
    }

    private void EnsureState(string action, params BroadcastDeliveryState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new BroadcastRuleException($"{StateNames.Japanese(State)}の配信は{action}できません。");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>What staff compose; the same for a new draft and an edit.</summary>
/// <param name="Segment">Who receives it; null: all friends.</param>
/// <param name="ValidUntil">After this time nothing of it is sent any more.</param>
public sealed record BroadcastDraft(
    string Title, IReadOnlyList<BroadcastContent> Messages, SegmentExpression? Segment, DateTimeOffset? ValidUntil, BroadcastSchedule Schedule);

public static class StateNames
{
    public static string Japanese(BroadcastDeliveryState state) => state switch
    {
        BroadcastDeliveryState.Draft => "下書き",
        BroadcastDeliveryState.AwaitingApproval => "承認待ち",
        BroadcastDeliveryState.Scheduled => "予約済み",
        BroadcastDeliveryState.Sending => "送信中",
        BroadcastDeliveryState.Sent => "送信済み",
        BroadcastDeliveryState.Stopped => "停止済み",
        BroadcastDeliveryState.Cancelled => "取り消し済み",
        BroadcastDeliveryState.Expired => "期限切れ",
        BroadcastDeliveryState.Failed => "失敗",
        BroadcastDeliveryState.Missed => "未送信（システム停止中に予定時刻を経過）",
        _ => state.ToString(),
    };
}
