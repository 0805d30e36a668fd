using Bunit;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Portal.Modules.Broadcast;

namespace SmartBranch.Portal.Tests.Components;

public sealed class BroadcastHistoryTableTests : PortalComponentTest
{
    private static readonly Guid Id = Guid.NewGuid();

    private static readonly BroadcastHistoryRow Scheduled = new(
        Id, "ごみ収集日のお知らせ", BroadcastDeliveryState.Scheduled, false, "author-1", "平川 花子",
        new DateTimeOffset(2026, 3, 31, 1, 0, 0, TimeSpan.Zero),
        NextRunAt: new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero),
        LastRunAt: new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero),
        RecipientCount: 1234, SentCount: 1230, FailedCount: 4);

    [Fact]
    public void A_row_shows_title_state_schedule_in_japan_time_and_figures()
    {
        var table = Render(new BroadcastHistoryPage([Scheduled], 1, 1, 30), canCompose: false);

        var cells = table.FindAll("tbody tr > *").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith("ごみ収集日のお知らせ", cells[0], StringComparison.Ordinal);
        Assert.Contains("平川 花子（2026/03/31 10:00 作成）", cells[0], StringComparison.Ordinal);
        Assert.Equal("予約済み", cells[1]);
        Assert.Contains("次回 2026/04/01 09:30", cells[2], StringComparison.Ordinal);
        Assert.Contains("前回 2026/04/01 08:00", cells[2], StringComparison.Ordinal);
        Assert.Equal(["1,234", "1,230", "4"], cells[3..6]);
        Assert.Equal($"/portal/hirakawa/broadcasts/{Id}", table.Find("tbody a").GetAttribute("href"));
    }

    [Fact]
    public void Staff_who_compose_may_copy_a_delivery_as_a_new_one()
    {
        var composer = Render(new BroadcastHistoryPage([Scheduled], 1, 1, 30), canCompose: true);
        var viewer = Render(new BroadcastHistoryPage([Scheduled], 1, 1, 30), canCompose: false);

        var copy = composer.FindAll("a").Single(a => a.TextContent.StartsWith("コピーして新規作成", StringComparison.Ordinal));
        Assert.Equal($"/portal/hirakawa/broadcasts/new?copyOf={Id}", copy.GetAttribute("href"));
        Assert.DoesNotContain(viewer.FindAll("a"), a => a.TextContent.Contains("コピー", StringComparison.Ordinal));
    }

    [Fact]
    public void A_delivery_not_yet_sent_shows_no_figures_it_does_not_have()
    {
        var draft = Scheduled with { State = BroadcastDeliveryState.Draft, NextRunAt = null, LastRunAt = null, RecipientCount = null, SentCount = null, FailedCount = null };

        var table = Render(new BroadcastHistoryPage([draft], 1, 1, 30), canCompose: false);

        var cells = table.FindAll("tbody tr > *").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["下書き", "—", "—", "—", "—"], cells[1..6]);
    }

    [Fact]
    public void An_empty_search_says_so()
    {
        var table = Render(new BroadcastHistoryPage([], 0, 1, 30), canCompose: true);

        Assert.Equal("条件に合う配信はありません。", table.Find("p").TextContent);
    }

    private IRenderedComponent<BroadcastHistoryTable> Render(BroadcastHistoryPage page, bool canCompose) =>
        Render<BroadcastHistoryTable>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.Result, page).Add(c => c.CanCompose, canCompose));
}
