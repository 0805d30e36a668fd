using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Invitations;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>An open survey closing on 2026-12-20 17:00 in Japan, whose invitations and reminder the fake keeps in memory.</summary>
internal sealed class FakeSurveyInvitations : ISurveyInvitations
{
    public static readonly Guid Survey = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private readonly List<SurveyInvitationLine> _invitations = [];

    public SurveyState State { get; set; } = SurveyState.Open;

    public DateTimeOffset ClosesAt { get; } = new(2026, 12, 20, 8, 0, 0, TimeSpan.Zero);

    public SurveyReminderView? Reminder { get; set; }

    /// <summary>What the next change answers with instead of taking effect.</summary>
    public string? Refusal { get; set; }

    public Task<SurveyInvitationsOverview> GetAsync(Guid surveyId, CancellationToken cancellationToken) =>
        Task.FromResult(new SurveyInvitationsOverview(Survey, "公園の使い方アンケート", State, ClosesAt, _invitations.ToList(), Reminder));

    public Task<Guid> InviteAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Refuse();
        var deliveryId = Guid.CreateVersion7();
        _invitations.Add(new SurveyInvitationLine(deliveryId, ClosesAt.AddDays(-10), new BroadcastDeliveryOutline(deliveryId, "アンケートのご案内", "下書き", 0, null)));
        return Task.FromResult(deliveryId);
    }

    public Task ScheduleReminderAsync(Guid surveyId, int hoursBeforeClose, CancellationToken cancellationToken)
    {
        Refuse();
        Reminder = new SurveyReminderView(SurveyReminderState.Scheduled, hoursBeforeClose, ClosesAt.AddHours(-hoursBeforeClose), 0, null);
        return Task.CompletedTask;
    }

    public Task CancelReminderAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Refuse();
        Reminder = Reminder! with { State = SurveyReminderState.Cancelled };
        return Task.CompletedTask;
    }

    private void Refuse()
    {
        if (Refusal is { } refusal)
        {
            throw new SurveyRuleException(refusal);
        }
    }
}
