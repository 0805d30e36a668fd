using Bunit;
using SmartBranch.Modules.Reports;
using SmartBranch.Portal.Modules.Dashboard;

namespace SmartBranch.Portal.Tests.Components;

public sealed class DashboardTests : PortalComponentTest
{
    [Fact]
    public void Shows_the_environments_residents_and_deliveries_and_labels_missing_modules_instead_of_inventing_numbers()
    {
        var page = Render<DashboardPage>(p => p.Add(d => d.Tenant, "hirakawa"));

        var cards = page.FindAll(".stat-card").ToDictionary(c => c.QuerySelector("h2")!.TextContent, c => c);
        Assert.Equal("12", cards["友だち"].QuerySelector(".stat-value")!.TextContent);
        Assert.Equal("3", cards["ブロック"].QuerySelector(".stat-value")!.TextContent);
        Assert.Equal("3", cards["本日の配信"].QuerySelector(".stat-value")!.TextContent);
        Assert.Equal("—", cards["受付中の申請"].QuerySelector(".stat-value")!.TextContent);
        Assert.Equal("この機能はまだ提供されていません", cards["受付中の申請"].QuerySelector(".stat-note")!.TextContent);
    }

    [Fact]
    public void Staff_who_may_read_reports_see_how_many_are_open_and_others_get_no_report_card()
    {
        Reports.OpenCases = 1234;

        var without = Render<DashboardPage>(p => p.Add(d => d.Tenant, "hirakawa"));
        Assert.DoesNotContain(without.FindAll(".stat-card h2"), h => h.TextContent == "未対応の通報");

        Staff.Permissions.Add(ReportsPermissions.View);
        var with = Render<DashboardPage>(p => p.Add(d => d.Tenant, "hirakawa"));
        var card = with.FindAll(".stat-card").Single(c => c.QuerySelector("h2")!.TextContent == "未対応の通報");
        Assert.Equal("1,234", card.QuerySelector(".stat-value")!.TextContent);
    }
}
