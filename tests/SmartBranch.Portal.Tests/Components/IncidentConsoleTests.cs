using Bunit;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Portal.Ops.Incidents;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class IncidentConsoleTests : PortalComponentTest
{
    [Fact]
    public void The_list_shows_unresolved_incidents_first_with_their_scope_and_japan_times()
    {
        Incidents.Add("バックアップの失敗", IncidentState.Resolved, tenantSlug: null, openedAt: FakeIncidentConsole.OpenedAt.AddHours(2));
        Incidents.Add("LINE の認証エラー（チャネルアクセストークンの失効）", IncidentState.Open);

        var page = Render<IncidentListPage>();

        var rows = page.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("未対応", rows[0].TextContent);
        Assert.Contains("平川市 (production)", rows[0].TextContent);
        Assert.Contains("2026/04/01 09:30", rows[0].TextContent);
        Assert.Contains("復旧済み", rows[1].TextContent);
        Assert.Contains("プラットフォーム全体", rows[1].TextContent);
    }

    [Fact]
    public void Acknowledging_and_adding_a_note_appear_on_the_timeline()
    {
        var incident = Incidents.Add("LINE の認証エラー（チャネルアクセストークンの失効）", IncidentState.Open);
        var panel = Render<IncidentDetailPanel>(p => p.Add(d => d.IncidentId, incident.Id));

        panel.Find("button.button-primary").Click();
        panel.Find("#incident-note").Change("LINE Developers でトークンを再発行しました。");
        panel.Find("form").Submit();

        Assert.Contains("対応中", panel.Find("h1").TextContent);
        var entries = panel.FindAll(".timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains("受付", entries[1]);
        Assert.Contains("LINE Developers でトークンを再発行しました。", entries[2]);
        Assert.Equal("記録を追加しました。", panel.Find("[role=status]").TextContent);
        Assert.Empty(panel.FindAll("button.button-primary:not([type=submit])"));
    }

    [Fact]
    public void The_report_starts_as_a_draft_from_the_alert_and_saves_what_the_operator_wrote()
    {
        var incident = Incidents.Add("LINE の認証エラー（チャネルアクセストークンの失効）", IncidentState.Resolved);
        var panel = Render<IncidentDetailPanel>(p => p.Add(d => d.IncidentId, incident.Id));

        Assert.Equal("平川市（production）", panel.Find("#report-impact").GetAttribute("value"));
        Assert.Contains("HTTP 401", panel.Find("#report-cause").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(IncidentReport.PreventionPlaceholder, panel.Find("#report-prevention").GetAttribute("value"));

        panel.Find("#report-prevention").Change("トークンの再発行手順を運用手順書に追加し、四半期ごとに確認する。");
        panel.FindAll("form")[1].Submit();

        var saved = Assert.Single(Incidents.SavedReports);
        Assert.Equal("トークンの再発行手順を運用手順書に追加し、四半期ごとに確認する。", saved.Prevention);
        Assert.Equal("報告書を保存しました。", panel.Find("[role=status]").TextContent);
        Assert.Equal($"/ops/incidents/{incident.Id}/report.md", panel.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public void A_refused_action_shows_the_reason()
    {
        var incident = Incidents.Add("サーバーエラーの急増", IncidentState.Open, tenantSlug: null);
        Incidents.Refusal = "記録する内容を入力してください。";
        var panel = Render<IncidentDetailPanel>(p => p.Add(d => d.IncidentId, incident.Id));

        panel.Find("form").Submit();

        Assert.Equal("記録する内容を入力してください。", panel.Find("[role=alert]").TextContent);
    }
}
