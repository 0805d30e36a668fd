using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Invitations;

/// <summary>
/// One step of a survey's reminder, in its tenant's scope: at its time, fix the audience (the segments of the
/// invitations that reached residents); then, page by page, remind those of them who have not answered. A page's
/// messages go through the outbox in the commit that stores the page's continuation, so each resident is reminded once.
/// </summary>
internal sealed class SurveyReminding(
    SmartBranchDbContext db,
    ICurrentTenant tenant,
    IBroadcastDeliveryOutlines deliveries,
    IResidentAudience audience,
    ILineMessenger messenger,
    ResidentPageLinks links,
    IAuditLog audit,
    TimeProvider clock)
{
    public const int PageSize = 500;

    private static readonly JsonSerializerOptions SegmentJson = new(JsonSerializerDefaults.Web);

    /// <returns>Whether anything was done (a step taken); false when it is not due or another worker took the step.</returns>
    public async Task<bool> SendNextAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        var reminder = await db.Set<SurveyReminder>().SingleAsync(r => r.SurveyId == surveyId, cancellationToken);
        var survey = await db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == surveyId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (reminder.State)
        {
            case SurveyReminderState.Scheduled when reminder.DueAt(survey) <= now:
                await StartAsync(reminder, survey, now, cancellationToken);
                break;
            case SurveyReminderState.Sending when survey.AvailabilityAt(now) != SurveyAvailability.Open:
                reminder.Skip($"送信の途中でアンケートの受付が終わったため、残りの方には送っていません（{reminder.RemindedCount} 人に送信済み）。", now);
                break;
            case SurveyReminderState.Sending:
                await SendPageAsync(reminder, survey, now, cancellationToken);
                break;
            default:
                return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        if (reminder.State is SurveyReminderState.Sent or SurveyReminderState.Skipped)
        {
            await audit.RecordAsync(
                new AuditRecord($"surveys.reminder.{(reminder.State == SurveyReminderState.Sent ? "sent" : "skipped")}", "survey", survey.Id.ToString(),
                    reminder.State == SurveyReminderState.Sent
                        ? $"アンケート「{survey.Title}」のリマインダーを、未回答の {reminder.RemindedCount} 人に送りました。"
                        : $"アンケート「{survey.Title}」のリマインダー: {reminder.Note}"),
                cancellationToken);
        }

        return true;
    }

    private async Task StartAsync(SurveyReminder reminder, Survey survey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (survey.AvailabilityAt(now) != SurveyAvailability.Open)
        {
            reminder.Skip("送信の時刻に、アンケートが受付中ではありませんでした。", now);
            return;
        }

        var invitations = await db.Set<SurveyInvitation>().AsNoTracking()
            .Where(i => i.SurveyId == survey.Id)
            .Select(i => i.DeliveryId)
            .ToListAsync(cancellationToken);
        var reached = (await deliveries.FindAsync(invitations, cancellationToken)).Where(d => d.SentCount > 0).ToList();
        if (reached.Count == 0)
        {
            reminder.Skip("招待の配信がまだ誰にも送られていないため、リマインダーは送りませんでした。", now);
            return;
        }

        reminder.Start(AudienceOf(reached), now);
    }

    /// <summary>Everyone any of the invitations was addressed to: null (all friends) if one went to all.</summary>
    private static string? AudienceOf(IReadOnlyList<BroadcastDeliveryOutline> reached)
    {
        if (reached.Any(d => d.SegmentJson is null))
        {
            return null;
        }

        var segments = reached.Select(d => d.SegmentJson!).Distinct(StringComparer.Ordinal).ToList();
        return segments.Count == 1
            ? segments[0]
            : JsonSerializer.Serialize<SegmentExpression>(new AnyOf(segments.Select(Parse).ToList()), SegmentJson);
    }

    private async Task SendPageAsync(SurveyReminder reminder, Survey survey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var segment = reminder.AudienceJson is null ? null : Parse(reminder.AudienceJson);
        var page = await audience.PageAsync(segment, reminder.Continuation, PageSize, cancellationToken);
        var hashes = page.Members.ToDictionary(m => m.LineUserId, m => SurveyRespondent.Hash(survey, m.LineUserId), StringComparer.Ordinal);
        var hashList = hashes.Values.ToList();
        var answered = (await db.Set<SurveyRespondent>().AsNoTracking()
                .Where(r => r.SurveyId == survey.Id && hashList.Contains(r.RespondentHash))
                .Select(r => r.RespondentHash)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var message = new TextMessage(SurveyInvitationText.Reminder(survey, links.For(tenant.Required, $"{SurveyPageEndpoints.Segment}/{survey.Id}")));
        var reminded = 0;
        foreach (var member in page.Members.Where(m => !answered.Contains(hashes[m.LineUserId])))
        {
            messenger.Push(member.LineUserId, [message]);
            reminded++;
        }

        reminder.PageSent(page.Continuation, reminded, now);
    }

    private static SegmentExpression Parse(string json) =>
        JsonSerializer.Deserialize<SegmentExpression>(json, SegmentJson) ?? throw new JsonException("A segment was stored as null.");
}
