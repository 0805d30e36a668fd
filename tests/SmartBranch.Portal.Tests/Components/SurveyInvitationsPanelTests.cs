using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Invitations;
using SmartBranch.Portal.Modules.SurveyInvitations;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>Staff create an invitation delivery, open it, and set or cancel the reminder, with the reminder's time in Japan.</summary>
public sealed class SurveyInvitationsPanelTests : PortalComponentTest
{
    private readonly FakeSurveyInvitations _invitations = new();

    public SurveyInvitationsPanelTests()
    {
        Services.AddSingleton<ISurveyInvitations>(_invitations);
        Staff.Permissions.UnionWith([SurveysPermissions.View, SurveysPermissions.Edit]);
    }

    [Fact]
    public void An_invitation_is_created_as_a_draft_delivery_the_page_links_to()
    {
        var panel = RenderPanel();
        Assert.Contains("招待の配信はまだありません", panel.Find("#no-invitations").TextContent);

        panel.Find("#invite").Click();

        Assert.Contains("対象を選んでから承認を依頼", panel.Find("#invitations-done").TextContent);
        var row = panel.Find("#invitations tbody tr");
        Assert.Equal("下書き", row.QuerySelector(".delivery-state")!.TextContent);
        Assert.StartsWith("/portal/hirakawa/broadcasts/", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_reminder_is_set_with_its_time_in_Japan_and_can_be_cancelled_before_it_is_sent()
    {
        var panel = RenderPanel();
        Assert.Equal("リマインダーは設定されていません。", panel.Find("#reminder-state").TextContent);

        panel.Find("#reminder-hours").Change("48");
        panel.Find("#schedule-reminder").Click();

        Assert.Equal("2026/12/18 17:00 に送信します（締め切りの 48 時間前）。", panel.Find("#reminder-state").TextContent);
        panel.Find("#cancel-reminder").Click();
        Assert.Equal("リマインダーは取り消されています。", panel.Find("#reminder-state").TextContent);
    }

    [Fact]
    public void A_refusal_is_shown_and_a_closed_survey_or_a_viewer_gets_no_buttons()
    {
        _invitations.Refusal = "その時刻はもう過ぎています。締め切りまでの残り時間より短い時間を指定してください。";
        var panel = RenderPanel();
        panel.Find("#schedule-reminder").Click();
        Assert.Equal(_invitations.Refusal, panel.Find("#invitations-problem").TextContent);

        _invitations.State = SurveyState.Closed;
        var closed = RenderPanel();
        Staff.Permissions.Remove(SurveysPermissions.Edit);
        var viewer = RenderPanel();

        Assert.Empty(closed.FindAll("#invite"));
        Assert.Empty(closed.FindAll("#schedule-reminder"));
        Assert.Empty(viewer.FindAll("button"));
    }

    private IRenderedComponent<SurveyInvitationsPanel> RenderPanel() => Render<SurveyInvitationsPanel>(p => p
        .Add(c => c.TenantSlug, "hirakawa")
        .Add(c => c.EnvironmentName, "production")
        .Add(c => c.SurveyId, FakeSurveyInvitations.Survey));
}
