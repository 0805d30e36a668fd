using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Modules.Broadcast.Features.DeliveryReport;
using SmartBranch.Modules.Broadcast.Features.TestSend;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Portal.Modules.Broadcast;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class BroadcastDeliveryPanelTests : PortalComponentTest
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid RunId = Guid.NewGuid();
    private readonly FakeBroadcastDesk _desk = new();
    private readonly FakeBroadcastTestAccounts _testSends = new();

    public BroadcastDeliveryPanelTests()
    {
        Services.AddSingleton<IBroadcastDeliveryDesk>(_desk);
        Services.AddSingleton<IBroadcastTestSends>(_testSends);
        Services.AddSingleton<ISegmentCatalog>(new FixedSegmentCatalog());
        Services.AddSingleton(TimeProvider.System);
        Staff.UserId = "approver-1";
        Staff.Permissions.Add(BroadcastPermissions.View);
    }

    [Fact]
    public void Shows_what_residents_will_see_to_whom_and_when()
    {
        _desk.Detail = Detail(BroadcastDeliveryState.Scheduled) with
        {
            Segment = new AllOf([new AttributeIn("area", ["hiraka", "onoe"]), new AttributeIn("topic", ["disaster"])]),
            RecipientCount = 321,
            QuotaWarning = "LINE の今月の送信上限が足りません。",
        };

        var panel = RenderPanel();

        Assert.Contains("明日は燃えるごみの日です", panel.Find(".line-phone").TextContent, StringComparison.Ordinal);
        Assert.Equal("お住まいの地区が 平賀地区・尾上地区 かつ 受け取りたい情報が 防災・災害", panel.Find(".delivery-segment").TextContent);
        Assert.Contains("現在 321 人", panel.Find(".delivery-recipients").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026/04/01 09:30（日本時間）", panel.Find(".delivery-schedule").TextContent, StringComparison.Ordinal);
        Assert.Contains("LINE の今月の送信上限が足りません。", panel.Find(".quota-warning").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approver_who_did_not_write_it_may_approve_or_return_it()
    {
        Staff.Permissions.Add(BroadcastPermissions.Approve);
        _desk.Detail = Detail(BroadcastDeliveryState.AwaitingApproval);

        var panel = RenderPanel();
        Click(panel, "承認");
        panel.Find(".confirm-button").Click();

        Assert.Equal([$"approve {Id}"], _desk.Actions);
        Assert.Contains("を承認しました", panel.Find(".form-success").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_author_is_not_offered_approval_of_their_own_delivery()
    {
        Staff.UserId = "author-1";
        Staff.Permissions.UnionWith([BroadcastPermissions.Approve, BroadcastPermissions.Compose]);
        _desk.Detail = Detail(BroadcastDeliveryState.AwaitingApproval);

        var panel = RenderPanel();

        Assert.DoesNotContain("承認", Buttons(panel));
        Assert.DoesNotContain("差し戻し", Buttons(panel));
        Assert.Contains("ご自身が作成した配信は承認できません", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Returning_a_delivery_needs_a_reason()
    {
        Staff.Permissions.Add(BroadcastPermissions.Approve);
        _desk.Detail = Detail(BroadcastDeliveryState.AwaitingApproval);
        var panel = RenderPanel();
        Click(panel, "差し戻し");

        panel.Find(".confirm-button").Click();

        Assert.Empty(_desk.Actions);
        Assert.Equal("差し戻しの理由を入力してください。", panel.Find(".confirm .form-error").TextContent);
        Assert.Equal("true", panel.Find("#reject-reason").GetAttribute("aria-invalid"));

        panel.Find("#reject-reason").Change("日付が誤っています");
        panel.Find(".confirm-button").Click();

        Assert.Equal([$"reject {Id}: 日付が誤っています"], _desk.Actions);
    }

    [Fact]
    public void A_viewer_sees_no_actions()
    {
        _desk.Detail = Detail(BroadcastDeliveryState.AwaitingApproval);

        var panel = RenderPanel();

        Assert.Empty(Buttons(panel));
        Assert.DoesNotContain(panel.FindAll("a"), a => a.TextContent is "編集" or "コピーして新規作成");
    }

    [Fact]
    public void A_send_in_progress_can_be_stopped_by_staff_allowed_to_stop_after_confirming()
    {
        Staff.Permissions.Add(BroadcastPermissions.Stop);
        _desk.Detail = Detail(BroadcastDeliveryState.Sending) with { Runs = [Run(BroadcastRunState.Sending)] };

        var panel = RenderPanel();
        panel.Find(".stop-button").Click();

        Assert.Empty(_desk.Actions);
        Assert.Contains("数秒以内に停止し", panel.Find(".confirm").TextContent, StringComparison.Ordinal);

        panel.Find(".confirm-button").Click();

        Assert.Equal([$"stop {Id}"], _desk.Actions);
    }

    [Fact]
    public void Without_the_stop_permission_a_send_in_progress_offers_no_stop()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        _desk.Detail = Detail(BroadcastDeliveryState.Sending) with { Runs = [Run(BroadcastRunState.Sending)] };

        var panel = RenderPanel();

        Assert.Empty(panel.FindAll(".stop-button"));
        Assert.DoesNotContain("取り消し", Buttons(panel));
    }

    [Fact]
    public void A_scheduled_delivery_can_be_cancelled_before_it_is_sent()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        _desk.Detail = Detail(BroadcastDeliveryState.Scheduled);

        var panel = RenderPanel();
        Click(panel, "取り消し");
        panel.Find(".confirm-button").Click();

        Assert.Equal([$"cancel {Id}"], _desk.Actions);
        Assert.DoesNotContain("承認", Buttons(panel));
    }

    [Fact]
    public void A_missed_send_held_back_can_be_sent_now()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        _desk.Detail = Detail(BroadcastDeliveryState.Missed) with { Runs = [Run(BroadcastRunState.Missed)] };

        var panel = RenderPanel();
        Click(panel, "送信する");
        panel.Find(".confirm-button").Click();

        Assert.Equal([$"send missed {RunId}"], _desk.Actions);
    }

    [Fact]
    public void A_missed_send_of_a_cancelled_delivery_is_not_offered()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        _desk.Detail = Detail(BroadcastDeliveryState.Cancelled) with { Runs = [Run(BroadcastRunState.Missed)] };

        var panel = RenderPanel();

        Assert.DoesNotContain("送信する", Buttons(panel));
        Assert.DoesNotContain("送信は行われていません", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_author_may_edit_a_returned_draft()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        _desk.Detail = Detail(BroadcastDeliveryState.Draft) with { RejectionReason = "日付が誤っています" };

        var someoneElse = RenderPanel();
        Staff.UserId = "author-1";
        var author = RenderPanel();

        Assert.DoesNotContain(someoneElse.FindAll("a"), a => a.TextContent == "編集");
        Assert.Equal($"/portal/hirakawa/broadcasts/{Id}/edit", author.FindAll("a").Single(a => a.TextContent == "編集").GetAttribute("href"));
        Assert.Contains("日付が誤っています", author.Find(".rejection").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_who_compose_can_test_send_a_delivery_before_it_goes_out_but_not_after()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        _desk.Detail = Detail(BroadcastDeliveryState.AwaitingApproval);

        var awaiting = RenderPanel();
        Click(awaiting, "テスト送信");
        _desk.Detail = Detail(BroadcastDeliveryState.Sent);
        var sent = RenderPanel();

        Assert.Equal([Id], _testSends.TestSent);
        awaiting.WaitForAssertion(() => Assert.Contains("テスト送信先に送りました", awaiting.Find(".test-send [role=status]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("テスト送信", Buttons(sent));
    }

    [Fact]
    public void A_refusal_by_the_module_is_shown_and_nothing_changes()
    {
        Staff.Permissions.Add(BroadcastPermissions.Approve);
        _desk.Detail = Detail(BroadcastDeliveryState.AwaitingApproval);
        _desk.Refusal = new BroadcastRuleException("予約日時を過ぎているため承認できません。差し戻して日時を変更してもらってください。");

        var panel = RenderPanel();
        Click(panel, "承認");
        panel.Find(".confirm-button").Click();

        Assert.Empty(_desk.Actions);
        Assert.StartsWith("予約日時を過ぎているため承認できません。", panel.Find(".confirm .form-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_each_send_with_failures_by_reason_in_japan_time()
    {
        _desk.Detail = Detail(BroadcastDeliveryState.Sent) with
        {
            Runs = [Run(BroadcastRunState.Sent) with { TargetCount = 10, SentCount = 7, FailedCount = 3, ExcludedCount = 1, Failures = [new BroadcastFailure("400 Bad Request", 3)] }],
        };

        var panel = RenderPanel();

        var cells = panel.FindAll(".run-report tbody tr > *").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("2026/04/01 09:30", cells[0]);
        Assert.Equal("送信済み", cells[1]);
        Assert.Equal(["10", "7"], cells[2..4]);
        Assert.Contains("400 Bad Request: 3 人", cells[4], StringComparison.Ordinal);
        Assert.Equal("1", cells[5]);
        Assert.Contains("2026/04/01 09:31", cells[6], StringComparison.Ordinal);
    }

    private IRenderedComponent<BroadcastDeliveryPanel> RenderPanel() =>
        Render<BroadcastDeliveryPanel>(p => p
            .Add(c => c.TenantSlug, "hirakawa")
            .Add(c => c.EnvironmentName, "production")
            .Add(c => c.DeliveryId, Id));

    private static List<string> Buttons(IRenderedComponent<BroadcastDeliveryPanel> panel) =>
        [.. panel.FindAll("button").Select(b => b.TextContent.Trim())];

    private static void Click(IRenderedComponent<BroadcastDeliveryPanel> panel, string label) =>
        panel.FindAll("button").Single(b => b.TextContent.Trim() == label).Click();

    private static BroadcastRunReport Run(BroadcastRunState state) => new(
        RunId, new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero), state, 0, 0, 0, 0, [], null,
        state == BroadcastRunState.Missed ? null : new DateTimeOffset(2026, 4, 1, 0, 30, 5, TimeSpan.Zero),
        state is BroadcastRunState.Sent ? new DateTimeOffset(2026, 4, 1, 0, 31, 0, TimeSpan.Zero) : null);

    private static BroadcastDeliveryDetail Detail(BroadcastDeliveryState state) => new(
        Id,
        "ごみ収集日のお知らせ",
        state,
        IsEmergency: false,
        EmergencyReason: null,
        Messages: [new BroadcastText("明日は燃えるごみの日です")],
        Segment: null,
        RecipientCount: null,
        ApprovedRecipientCount: null,
        QuotaWarning: null,
        Schedule: new SendAt(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero)),
        NextRunAt: null,
        ValidUntil: null,
        Author: new BroadcastStaffMember("author-1", "作成 花子"),
        Approver: null,
        ApprovedAt: null,
        RejectionReason: null,
        CreatedAt: new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero),
        Runs: []);
}
