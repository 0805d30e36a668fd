using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Portal.Modules.Broadcast.Compose;

/// <summary>Everything on the compose screen, kept as typed until the composer accepts it.</summary>
public sealed class ComposeModel
{
    public const int MaxMessages = 5;

    public string Title { get; set; } = "";

    public List<MessageInput> Messages { get; } = [];

    public SegmentInput Segment { get; private set; } = new();

    /// <summary>A saved segment the builder cannot show; kept as it is unless staff start over.</summary>
    public SegmentExpression? UneditableSegment { get; set; }

    public ScheduleInput Schedule { get; private set; } = new();

    public static ComposeModel New() => new() { Messages = { new TextInput() } };

    public static ComposeModel From(BroadcastDraft draft)
    {
        var model = new ComposeModel { Title = draft.Title, Schedule = ScheduleInput.From(draft.Schedule, draft.ValidUntil) };
        model.Fill(draft.Messages, draft.Segment);
        return model;
    }

    public static ComposeModel From(BroadcastCopy copy)
    {
        var model = new ComposeModel { Title = copy.Title, Schedule = ScheduleInput.From(copy.ScheduleKind, copy.Recurrence) };
        model.Fill(copy.Messages, copy.Segment);
        return model;
    }

    public SegmentExpression? SegmentExpression => UneditableSegment ?? Segment.ToExpression();

    /// <summary>The messages that are complete enough to show, as LINE receives them.</summary>
    public IReadOnlyList<SmartBranch.Line.Messages.LineMessage> Preview() =>
        Messages.Select(m => m.ToContent()).OfType<BroadcastContent>().Where(IsWorthShowing).Select(c => c.ToLineMessage()).ToList();

    /// <summary>The draft for the composer, or what is missing before it can be sent there (in the screen's language).</summary>
    public (BroadcastDraft? Draft, IReadOnlyList<BroadcastProblem> Missing) ToDraft(IStringLocalizer<ComposeText> text)
    {
        var missing = new List<BroadcastProblem>();
        for (var i = 0; i < Messages.Count; i++)
        {
            if (Messages[i] is ImageInput { Image: null })
            {
                missing.Add(new BroadcastProblem(BroadcastDraftPart.Message, text["ImageMissing", i + 1], i + 1));
            }
        }

        if (UneditableSegment is null && Segment.IsIncomplete)
        {
            missing.Add(new BroadcastProblem(BroadcastDraftPart.Delivery, text["SegmentIncomplete"]));
        }

        var (schedule, scheduleMissing) = Schedule.ToSchedule();
        if (scheduleMissing is not null)
        {
            missing.Add(new BroadcastProblem(BroadcastDraftPart.Schedule, text[scheduleMissing]));
        }

        var (validUntil, validUntilMissing) = Schedule.ToValidUntil();
        if (validUntilMissing is not null)
        {
            missing.Add(new BroadcastProblem(BroadcastDraftPart.ValidUntil, text[validUntilMissing]));
        }

        return missing.Count > 0 || schedule is null
            ? (null, missing)
            : (new BroadcastDraft(Title, Messages.Select(m => m.ToContent()!).ToList(), SegmentExpression, validUntil, schedule), []);
    }

    private void Fill(IReadOnlyList<BroadcastContent> messages, SegmentExpression? segment)
    {
        Messages.AddRange(messages.Select(MessageInput.From));
        if (SegmentInput.From(segment) is { } editable)
        {
            Segment = editable;
        }
        else
        {
            UneditableSegment = segment;
        }
    }

    private static bool IsWorthShowing(BroadcastContent content) => content switch
    {
        BroadcastText text => text.Text.Length > 0,
        BroadcastNotice notice => notice.Title.Length > 0 || notice.Body.Length > 0,
        _ => true,
    };
}
