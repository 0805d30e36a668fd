using Bunit;
using SmartBranch.Kernel.Health;
using SmartBranch.Line.Client;
using SmartBranch.Portal.Ops.Health;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>What an operator reads off a tenant's health: LINE's refusals and this month's quota.</summary>
public sealed class HealthPanelTests : PortalComponentTest
{
    [Fact]
    public void Line_errors_are_counted_by_status_and_a_rejected_token_stands_out()
    {
        Health.Health.Add(Environment("production", new LineApiFailureCount(401, 3, 5), new LineApiFailureCount(429, 0, 2), new LineApiFailureCount(503, 1, 1)));

        var panel = RenderPanel();

        Assert.Contains("本番環境: LINE がチャネルアクセストークンを拒否しています（401）", panel.Find(".line-token-rejected").TextContent);
        var rows = panel.FindAll(".line-errors tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["本番環境", "401 トークンが無効", "3", "5"], rows[0]);
        Assert.Equal(["本番環境", "429 上限超過", "0", "2"], rows[1]);
        Assert.Equal(["本番環境", "503 LINE 側の障害", "1", "1"], rows[2]);
        Assert.Contains("row-alarm", panel.FindAll(".line-errors tbody tr")[0].ClassList);
    }

    [Fact]
    public void A_token_rejected_only_days_ago_is_counted_without_the_alarm()
    {
        Health.Health.Add(Environment("staging", new LineApiFailureCount(401, 0, 1)));

        var panel = RenderPanel();

        Assert.Empty(panel.FindAll(".line-token-rejected"));
        Assert.Single(panel.FindAll(".line-errors tbody tr"));
    }

    [Fact]
    public void Without_errors_the_panel_says_so()
    {
        var panel = RenderPanel();

        Assert.Contains("過去 7 日間、LINE API のエラーはありません。", panel.Markup);
        Assert.Empty(panel.FindAll(".line-errors"));
    }

    [Fact]
    public void The_quota_shows_use_against_the_limit_and_warns_at_80_and_100_percent()
    {
        Health.Quotas.AddRange([
            EnvironmentMessageQuota.From("production", new LineMessageQuota(1000, 800)),
            EnvironmentMessageQuota.From("staging", new LineMessageQuota(200, 200))]);

        var panel = RenderPanel();

        var rows = panel.FindAll(".message-quota tbody tr");
        Assert.Equal(["本番環境", "800 / 1,000", "80 %", "上限の 80 % を超えました"], rows[0].Children.Select(c => c.TextContent.Trim()).ToList());
        Assert.Contains("row-warn", rows[0].ClassList);
        Assert.Equal("上限に達しました。今月はプッシュ・マルチキャストを送れません", rows[1].Children[3].TextContent);
        Assert.Contains("row-alarm", rows[1].ClassList);
        Assert.Equal("100", rows[1].QuerySelector("meter")!.GetAttribute("value"));
    }

    [Fact]
    public void A_channel_without_a_limit_or_lines_failure_to_answer_shows_as_a_line_of_its_own()
    {
        Health.Quotas.AddRange([
            new EnvironmentMessageQuota("production", MessageQuotaState.Unavailable, null, null, 0),
            EnvironmentMessageQuota.From("staging", new LineMessageQuota(null, 42))]);

        var panel = RenderPanel();

        var rows = panel.FindAll(".message-quota tbody tr");
        Assert.Equal("LINE から取得できませんでした（接続できない）", rows[0].Children[3].TextContent);
        Assert.Contains("row-alarm", rows[0].ClassList);
        Assert.Equal(["ステージング環境", "42（上限なし）", "—", "問題ありません"], rows[1].Children.Select(c => c.TextContent.Trim()).ToList());
    }

    [Fact]
    public void The_last_webhook_is_shown_in_japan_time()
    {
        Health.Health.Add(Environment("production") with { LastWebhookReceivedAt = new DateTimeOffset(2026, 4, 1, 15, 30, 0, TimeSpan.Zero) });

        var panel = RenderPanel();

        Assert.Contains("2026/04/02 00:30", panel.Find("tbody tr").TextContent);
    }

    private IRenderedComponent<HealthPanel> RenderPanel() =>
        Render<HealthPanel>(p => p.Add(h => h.TenantSlug, "hirakawa").Add(h => h.Environments, ["production", "staging"]));

    private static EnvironmentHealth Environment(string name, params LineApiFailureCount[] failures) =>
        new(name, 0, 0, null, 0, 0, failures);
}
