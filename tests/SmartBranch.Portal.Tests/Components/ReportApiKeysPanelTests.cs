using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Reports;
using SmartBranch.Portal.Modules.Reports;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class ReportApiKeysPanelTests : PortalComponentTest
{
    private readonly FakeReportApiKeysDesk _desk = new();

    public ReportApiKeysPanelTests()
    {
        Services.AddSingleton<IReportApiKeysDesk>(_desk);
        Staff.UserId = "admin-1";
        Staff.Permissions.Add(ReportsPermissions.Api);
    }

    [Fact]
    public void A_new_key_is_shown_once_and_then_listed_by_its_first_characters_only()
    {
        var panel = RenderPanel("production");
        Assert.Equal("API キーはまだありません。", panel.Find("[aria-labelledby=api-key-list-heading] p").TextContent);
        Assert.EndsWith("/open311/hirakawa/v2/", panel.Find("#api-endpoint").TextContent, StringComparison.Ordinal);

        panel.Find("#api-key-name").Change("道路管理システム");
        panel.Find("form").Submit();

        Assert.Equal("o311_secret01", panel.Find("#api-key-secret").TextContent);
        Assert.Contains("「道路管理システム」の API キーを作成しました", panel.Find("#api-key-created").TextContent, StringComparison.Ordinal);
        var row = Assert.Single(panel.FindAll("tbody tr"));
        Assert.Contains("道路管理システム", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("o311_secret…", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("o311_secret01", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("有効", row.TextContent, StringComparison.Ordinal);

        panel.Find("#api-key-name").Change("別のアプリ");
        panel.Find("form").Submit();
        Assert.Equal("o311_secret02", panel.Find("#api-key-secret").TextContent);
        Assert.DoesNotContain("o311_secret01", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_is_revoked_only_after_confirming_and_a_nameless_key_is_refused()
    {
        var panel = RenderPanel("production");
        panel.Find("form").Submit();
        Assert.Equal("API キーの名前（使うシステムやアプリの名前）を入力してください。", panel.Find("[role=alert]").TextContent);
        Assert.Empty(_desk.Keys);

        panel.Find("#api-key-name").Change("廃止するシステム");
        panel.Find("form").Submit();
        panel.Find("tbody button").Click();
        Assert.Contains("よろしいですか", panel.Find("tbody").TextContent, StringComparison.Ordinal);
        Assert.Null(_desk.Keys.Single().RevokedAt);

        panel.Find("tbody button.button-danger").Click();

        Assert.NotNull(_desk.Keys.Single().RevokedAt);
        Assert.Equal("「廃止するシステム」の API キーを無効にしました。", panel.Find(".form-success").TextContent);
        Assert.Contains("無効（2026/11/11 09:00 管理 花子）", panel.Find("tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("tbody button"));
    }

    [Fact]
    public void On_staging_the_endpoint_names_the_environment_and_the_page_speaks_english_when_asked()
    {
        UseCulture("en");
        UseTenant(TestTenants.In("staging"));

        var panel = RenderPanel("staging");

        Assert.EndsWith("/open311/hirakawa/staging/v2/", panel.Find("#api-endpoint").TextContent, StringComparison.Ordinal);
        Assert.Equal("Create an API key", panel.Find("#api-key-create-heading").TextContent);
    }

    private IRenderedComponent<ReportApiKeysPanel> RenderPanel(string environment) =>
        Render<ReportApiKeysPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, environment));
}
