using System.Net;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>The manual as the server serves it: every signed-in member may read it, and each page's header links to its section.</summary>
public sealed class HelpHostingTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_page_header_links_to_the_section_that_names_its_route()
    {
        var admin = await host.SignInAsync((await host.AccountsAsync()).Admin);

        var staff = await admin.GetAsync("/portal/hirakawa/staff");
        var audit = await admin.GetAsync("/portal/hirakawa/audit");

        Assert.Contains("<a class=\"help-link\" href=\"/portal/hirakawa/help/staff\">", staff.Body);
        Assert.Contains("<a class=\"help-link\" href=\"/portal/hirakawa/help/audit\">", audit.Body);
    }

    [Fact]
    public async Task A_viewer_searches_the_manual_and_opens_a_section_with_its_screenshots()
    {
        var viewer = await host.SignInAsync((await host.AccountsAsync()).Viewer);

        var results = await viewer.GetAsync("/portal/hirakawa/help?q=" + Uri.EscapeDataString("防災モード"));
        var section = await viewer.GetAsync("/portal/hirakawa/help/rich-menus");
        var screenshot = await viewer.Client.GetAsync("/portal/hirakawa/help/screenshots/richmenu-publishing.png");

        Assert.Equal(HttpStatusCode.OK, results.Status);
        Assert.Contains("/portal/hirakawa/help/rich-menus", results.Body);
        Assert.Equal(HttpStatusCode.OK, section.Status);
        Assert.Contains("src=\"/portal/hirakawa/help/screenshots/richmenu-publishing.png\"", section.Body);
        Assert.Equal(HttpStatusCode.OK, screenshot.StatusCode);
        Assert.Equal("image/png", screenshot.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync("/portal/hirakawa/help/screenshots/nothing.png")).StatusCode);
    }

    [Fact]
    public async Task Screenshots_are_for_signed_in_members_only()
    {
        var anonymous = host.OpenBrowser();

        var screenshot = await anonymous.GetAsync("/portal/hirakawa/help/screenshots/dashboard.png");

        Assert.Equal("/account/signin", screenshot.Path);
        Assert.NotEqual("image/png", screenshot.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Operators_read_the_whole_manual_in_the_console()
    {
        var @operator = await host.SignInAsync((await host.AccountsAsync()).Operator);

        var console = await @operator.GetAsync("/ops");
        var contents = await @operator.GetAsync("/ops/help");

        Assert.Contains("<a class=\"help-link\" href=\"/ops/help/ops-console\">", console.Body);
        Assert.Contains("href=\"/ops/help/ops-maintenance\"", contents.Body);
        Assert.Contains("href=\"/ops/help/broadcast\"", contents.Body);
    }
}
