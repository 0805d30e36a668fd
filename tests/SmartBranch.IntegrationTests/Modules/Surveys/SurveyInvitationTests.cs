using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Broadcast;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Invitations;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>
/// Staff invite residents to a survey through a delivery and set a reminder; at its time, the invited residents who
/// have not answered are reminded. Each test has a server of its own, whose clock the test moves to the reminder's time.
/// </summary>
public abstract class SurveyInvitationTests(TestDatabaseKind kind) : IAsyncLifetime
{
    private const string ReminderMarker = "締め切りが近づいています";

    // Starts at the real time: residents sign in to the survey page with LIFF tokens checked against it.
    private readonly MovableClock _clock = new();
    private LineTestBed _bed = null!;

    public async ValueTask InitializeAsync() =>
        _bed = await LineTestBed.StartAsync(kind, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddScoped<TestStaff>();
            services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
        });

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_reminder_reaches_only_invited_residents_who_have_not_answered_an_anonymous_survey()
    {
        var surveys = new SurveyScenario(_bed);
        var surveyId = await surveys.PublishAsync("公園の使い方アンケート", anonymous: true);
        var answered = await FriendInAsync(surveys, "hiraka");
        var waiting = await FriendInAsync(surveys, "hiraka");
        var notInvited = await FriendInAsync(surveys, "onoe");

        var deliveryId = await InviteAsync(surveys, surveyId);
        await SendToAreaAsync(deliveryId, "hiraka");
        foreach (var invited in new[] { answered, waiting })
        {
            await Eventually.GetAsync(() => TextsAsync(invited), texts => texts.Any(t => t.Contains($"surveys/{surveyId}", StringComparison.Ordinal)), "the invitation with the survey's link");
        }

        Assert.DoesNotContain(await TextsAsync(notInvited), t => t.Contains("アンケートのお願い", StringComparison.Ordinal));
        await AnswerAsync(surveys, answered, surveyId);

        await InvitationsAsync(surveys, i => i.ScheduleReminderAsync(surveyId, 24, CancellationToken.None));
        var closesAt = (await InvitationsAsync(surveys, i => i.GetAsync(surveyId, CancellationToken.None))).ClosesAt;
        _clock.SetUtcNow(closesAt.AddHours(-23));

        var reminder = await Eventually.GetAsync(() => ReminderAsync(surveys, surveyId), r => r?.State == SurveyReminderState.Sent, "the reminder to be sent");
        Assert.Equal(1, reminder!.RemindedCount);
        var reminded = await Eventually.GetAsync(() => TextsAsync(waiting), texts => texts.Any(t => t.Contains(ReminderMarker, StringComparison.Ordinal)), "the reminder");
        Assert.Contains(reminded, t => t.Contains(ReminderMarker, StringComparison.Ordinal) && t.Contains($"surveys/{surveyId}", StringComparison.Ordinal));
        await _bed.WaitUntilIdleAsync();
        Assert.DoesNotContain(await TextsAsync(answered), t => t.Contains(ReminderMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(await TextsAsync(notInvited), t => t.Contains(ReminderMarker, StringComparison.Ordinal));
        Assert.Equal(
            ["surveys.invitation.requested", "surveys.reminder.scheduled", "surveys.reminder.sent"],
            await _bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
                .Where(e => e.TargetId == surveyId.ToString() && (e.Action.StartsWith("surveys.invitation") || e.Action.StartsWith("surveys.reminder")))
                .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_reminder_whose_invitation_was_never_sent_reminds_nobody_and_tells_staff_why()
    {
        var surveys = new SurveyScenario(_bed);
        var surveyId = await surveys.PublishAsync("未送信の招待");
        var resident = await FriendInAsync(surveys, "hiraka");
        await InviteAsync(surveys, surveyId);
        await InvitationsAsync(surveys, i => i.ScheduleReminderAsync(surveyId, 48, CancellationToken.None));

        var overview = await InvitationsAsync(surveys, i => i.GetAsync(surveyId, CancellationToken.None));
        Assert.Equal("下書き", Assert.Single(overview.Invitations).Delivery?.StateJa);
        _clock.SetUtcNow(overview.ClosesAt.AddHours(-47));

        var reminder = await Eventually.GetAsync(() => ReminderAsync(surveys, surveyId), r => r?.State == SurveyReminderState.Skipped, "the reminder to be skipped");
        Assert.Contains("招待の配信がまだ誰にも送られていない", reminder!.Note, StringComparison.Ordinal);
        await _bed.WaitUntilIdleAsync();
        Assert.DoesNotContain(await TextsAsync(resident), t => t.Contains(ReminderMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_cannot_invite_to_a_draft_set_a_reminder_in_the_past_or_act_without_the_edit_permission()
    {
        var surveys = new SurveyScenario(_bed);
        var draftId = await surveys.AsEditorAsync(e => e.CreateAsync(
            new SurveySettings("下書きのアンケート", null, _clock.GetUtcNow(), _clock.GetUtcNow().AddHours(10), false, false, false), CancellationToken.None));
        var openId = await surveys.PublishAsync("公開中のアンケート");

        var draft = await Assert.ThrowsAsync<SurveyRuleException>(() => InvitationsAsync(surveys, i => i.InviteAsync(draftId, CancellationToken.None)));
        Assert.Contains("公開中で締め切り前", draft.Message, StringComparison.Ordinal);
        var past = await Assert.ThrowsAsync<SurveyRuleException>(() => InvitationsAsync(surveys, i => i.ScheduleReminderAsync(openId, 24 * 31, CancellationToken.None)));
        Assert.Contains("1〜168 時間前", past.Message, StringComparison.Ordinal);
        var viewer = TestStaff.Member("viewer-1", SmartBranch.Modules.Surveys.SurveysPermissions.View);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => InvitationsAsync(surveys, i => i.InviteAsync(openId, CancellationToken.None), viewer));
        Assert.Empty((await InvitationsAsync(surveys, i => i.GetAsync(openId, CancellationToken.None), viewer)).Invitations);
    }

    private static Task<T> InvitationsAsync<T>(SurveyScenario surveys, Func<ISurveyInvitations, Task<T>> work, TestStaff? staff = null) =>
        surveys.InScopeAsync(staff ?? SurveyScenario.Editor, s => work(s.GetRequiredService<ISurveyInvitations>()));

    private static Task<bool> InvitationsAsync(SurveyScenario surveys, Func<ISurveyInvitations, Task> work) =>
        InvitationsAsync(surveys, async i =>
        {
            await work(i);
            return true;
        });

    private async Task<string> FriendInAsync(SurveyScenario surveys, string area)
    {
        var userId = await surveys.FriendAsync();
        await _bed.InTenantAsync(SurveyScenario.Channel, async (db, _) =>
        {
            var resident = await db.Set<Resident>().SingleAsync(r => r.LineUserId == userId);
            db.Add(new ResidentAttributeValue(resident.Id, "area", area));
            return await db.SaveChangesAsync();
        });
        return userId;
    }

    /// <summary>Staff ask for an invitation; the Broadcast module makes its draft a moment later.</summary>
    private static async Task<Guid> InviteAsync(SurveyScenario surveys, Guid surveyId)
    {
        var deliveryId = await InvitationsAsync(surveys, i => i.InviteAsync(surveyId, CancellationToken.None));
        await Eventually.GetAsync(
            () => InvitationsAsync(surveys, i => i.GetAsync(surveyId, CancellationToken.None)),
            o => o.Invitations.Single(i => i.DeliveryId == deliveryId).Delivery is not null,
            "the invitation's draft delivery");
        return deliveryId;
    }

    /// <summary>Staff address the invitation's draft to one area, submit it and have it approved: it is sent.</summary>
    private async Task SendToAreaAsync(Guid deliveryId, string area)
    {
        var broadcast = new BroadcastScenario(_bed);
        var draft = await broadcast.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().GetDraftAsync(deliveryId, CancellationToken.None));
        await broadcast.AsAsync(BroadcastScenario.Author, async s =>
        {
            var composer = s.GetRequiredService<BroadcastComposer>();
            await composer.UpdateDraftAsync(deliveryId, draft.Draft with { Segment = new AttributeIn("area", [area]) }, CancellationToken.None);
            await composer.SubmitAsync(deliveryId, CancellationToken.None);
        });
        await broadcast.AsAsync(BroadcastScenario.Approver, s => s.GetRequiredService<BroadcastApprovals>().ApproveAsync(deliveryId, CancellationToken.None));
        await broadcast.RunWhenAsync(deliveryId, r => r.IsFinished, "the invitation to be sent");
    }

    private async Task AnswerAsync(SurveyScenario surveys, string userId, Guid surveyId)
    {
        using var browser = new Browser(_bed.App.Address);
        var confirmation = await SurveyScenario.PostAsync(browser, await surveys.OpenAsync(browser, userId, surveyId), ("q-uses", "yes"), ("step", "confirm"));
        await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
    }

    private Task<SurveyReminder?> ReminderAsync(SurveyScenario surveys, Guid surveyId) =>
        _bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyReminder>().AsNoTracking().SingleOrDefaultAsync(r => r.SurveyId == surveyId));

    private async Task<List<string>> TextsAsync(string userId) =>
        (await _bed.InboxAsync(userId)).Select(m => m["message"]?["text"]?.GetValue<string>()).OfType<string>().ToList();
}

public sealed class SqliteSurveyInvitationTests() : SurveyInvitationTests(TestDatabaseKind.Sqlite);

public sealed class PostgresSurveyInvitationTests : SurveyInvitationTests
{
    public PostgresSurveyInvitationTests() : base(TestDatabaseKind.Postgres) => TestServices.RequirePostgres();
}
