using System.Net;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>The compose screens as the server serves them: only to staff who may compose.</summary>
public sealed class BroadcastComposeHostingTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_viewer_is_refused_the_compose_page_and_an_admin_gets_it_with_the_components_styles_linked()
    {
        var accounts = await host.AccountsAsync();
        var viewer = await host.SignInAsync(accounts.Viewer);
        var admin = await host.SignInAsync(accounts.Admin);

        var refused = await viewer.GetAsync("/portal/hirakawa/broadcasts/new");
        var page = await admin.GetAsync("/portal/hirakawa/broadcasts/new");

        Assert.Equal((HttpStatusCode.Forbidden, "/account/access-denied"), (refused.Status, refused.Path));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("配信を作成", WebUtility.HtmlDecode(page.Body), StringComparison.Ordinal);
        Assert.Contains("現在の対象：0 人", WebUtility.HtmlDecode(page.Body), StringComparison.Ordinal);
        Assert.Contains("SmartBranch.Portal.bundle.scp.css", page.Body, StringComparison.Ordinal);
    }
}
