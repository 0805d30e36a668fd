using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Invitations;

internal sealed class SurveyInvitations : ISurveyInvitations
{
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly ICurrentTenant _tenant;
    private readonly ResidentPageLinks _links;
    private readonly IBroadcastDeliveryOutlines _deliveries;
    private readonly IOutbox _outbox;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    public SurveyInvitations(
        SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant tenant, ResidentPageLinks links, IBroadcastDeliveryOutlines deliveries,
        IOutbox outbox, IAuditLog audit, TimeProvider clock)
    {
        _db = db;
        _staff = staff;
        _tenant = tenant;
        _links = links;
        _deliveries = deliveries;
        _outbox = outbox;
        _audit = audit;
        _clock = clock;
    }

    public async Task<SurveyInvitationsOverview> GetAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.View);
        var survey = await FindAsync(surveyId, cancellationToken);
        var invitations = await _db.Set<SurveyInvitation>().AsNoTracking()
            .Where(i => i.SurveyId == surveyId)
            .OrderBy(i => i.RequestedAt)
            .ToListAsync(cancellationToken);
        var outlines = (await _deliveries.FindAsync(invitations.Select(i => i.DeliveryId).ToList(), cancellationToken))
            .ToDictionary(o => o.Id);
        var reminder = await _db.Set<SurveyReminder>().AsNoTracking().SingleOrDefaultAsync(r => r.SurveyId == surveyId, cancellationToken);
        return new SurveyInvitationsOverview(
            survey.Id,
            survey.Title,
            survey.State,
            survey.ClosesAt,
            invitations.Select(i => new SurveyInvitationLine(i.DeliveryId, i.RequestedAt, outlines.GetValueOrDefault(i.DeliveryId))).ToList(),
            reminder is null ? null : new SurveyReminderView(reminder.State, reminder.HoursBeforeClose, reminder.DueAt(survey), reminder.RemindedCount, reminder.Note));
    }

    public async Task<Guid> InviteAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        var staffId = Require(SurveysPermissions.Edit);
        var survey = await FindAsync(surveyId, cancellationToken);
        var invitation = SurveyInvitation.For(survey, staffId, _clock.GetUtcNow());
        _db.Add(invitation);
        var link = _links.For(_tenant.Required, $"{SurveyPageEndpoints.Segment}/{survey.Id}");
        _outbox.Add(new BroadcastDraftRequestedIntegrationEvent(
            invitation.DeliveryId,
            SurveyInvitationText.DeliveryTitle(survey.Title),
            SurveyInvitationText.Invitation(survey, link),
            staffId,
            $"アンケート「{survey.Title}」の招待の下書きを作成"));
        await _db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("surveys.invitation.requested", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」の招待の配信（下書き）を作りました。"),
            cancellationToken);
        return invitation.DeliveryId;
    }

    public async Task ScheduleReminderAsync(Guid surveyId, int hoursBeforeClose, CancellationToken cancellationToken)
    {
        var staffId = Require(SurveysPermissions.Edit);
        var survey = await FindAsync(surveyId, cancellationToken);
        var now = _clock.GetUtcNow();
        if (await _db.Set<SurveyReminder>().SingleOrDefaultAsync(r => r.SurveyId == surveyId, cancellationToken) is { } reminder)
        {
            reminder.Reschedule(survey, hoursBeforeClose, staffId, now);
        }
        else
        {
            _db.Add(SurveyReminder.Schedule(survey, hoursBeforeClose, staffId, now));
        }

        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("surveys.reminder.scheduled", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」のリマインダーを締め切りの {hoursBeforeClose} 時間前に設定しました。"),
            cancellationToken);
    }

    public async Task CancelReminderAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        var staffId = Require(SurveysPermissions.Edit);
        var survey = await FindAsync(surveyId, cancellationToken);
        var reminder = await _db.Set<SurveyReminder>().SingleOrDefaultAsync(r => r.SurveyId == surveyId, cancellationToken)
            ?? throw new SurveyRuleException("取り消せるのは、送信前のリマインダーだけです。");
        reminder.Cancel(staffId, _clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("surveys.reminder.cancelled", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」のリマインダーを取り消しました。"),
            cancellationToken);
    }

    private async Task<Survey> FindAsync(Guid surveyId, CancellationToken cancellationToken) =>
        await _db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken)
        ?? throw new SurveyRuleException("アンケートが見つかりません。別の自治体・環境のものか、削除されています。");

    private string Require(string permission) =>
        _staff.UserId is { } userId && _staff.HasPermission(permission)
            ? userId
            : throw new UnauthorizedAccessException($"この操作には権限「{permission}」が必要です。");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new SurveyRuleException("リマインダーは同時に変更されました。画面を読み込み直してから、もう一度操作してください。", e);
        }
    }
}

public sealed record SurveyInvitationsOverview(
    Guid SurveyId, string Title, SurveyState State, DateTimeOffset ClosesAt, IReadOnlyList<SurveyInvitationLine> Invitations, SurveyReminderView? Reminder);

/// <param name="Delivery">The delivery as the Broadcast module has it; null for the moment before it made the draft.</param>
public sealed record SurveyInvitationLine(Guid DeliveryId, DateTimeOffset RequestedAt, BroadcastDeliveryOutline? Delivery);

/// <param name="Note">Why it was skipped, for staff.</param>
public sealed record SurveyReminderView(SurveyReminderState State, int HoursBeforeClose, DateTimeOffset DueAt, int RemindedCount, string? Note);
