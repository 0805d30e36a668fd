using Bunit;
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
        foreach (var unavailable in new[] { "未対応の通報", "受付中の申請" })
        {
            Assert.Equal("—", cards[unavailable].QuerySelector(".stat-value")!.TextContent);
            Assert.Equal("この機能はまだ提供されていません", cards[unavailable].QuerySelector(".stat-note")!.TextContent);
        }
    }
}
