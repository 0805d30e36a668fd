using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>The portal as the server serves it: sign-in, permissions, culture and environment on real requests.</summary>
public sealed class PortalHostingTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task The_shell_renders_in_Japanese_by_default()
    {
        var page = await GetPageAsync(host.ClientAs(TestPersonas.Admin), "/portal/hirakawa");

        Assert.Contains("<html lang=\"ja\">", page);
        Assert.Contains("平川市", page);
        Assert.Contains(">ダッシュボード</a>", page);
        Assert.Contains(">職員管理</a>", page);
    }

    [Fact]
    public async Task The_shell_renders_in_English_from_the_culture_cookie()
    {
        var page = await GetPageAsync(host.ClientAs(TestPersonas.Admin, culture: "en"), "/portal/hirakawa");

        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Hirakawa City", page);
        Assert.Contains(">Dashboard</a>", page);
        Assert.Contains(">Staff</a>", page);
    }

    [Fact]
    public async Task Staging_shows_the_banner_and_the_staging_colours()
    {
        var staging = await GetPageAsync(host.ClientAs(TestPersonas.Admin, environment: "staging"), "/portal/hirakawa");
        var production = await GetPageAsync(host.ClientAs(TestPersonas.Admin), "/portal/hirakawa");

        Assert.Contains("ステージング環境（練習用）— 住民には届きません", staging);
        Assert.Contains("class=\"shell env-staging\"", staging);
        Assert.DoesNotContain("staging-banner", production);
        Assert.Contains("class=\"shell env-production\"", production);
    }

    [Fact]
    public async Task The_chosen_environment_is_the_one_whose_data_the_page_reads()
    {
        await using (var scope = host.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "staging"))
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            db.Add(Resident.Follow("U" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var staging = await GetPageAsync(host.ClientAs(TestPersonas.Viewer, environment: "staging"), "/portal/hirakawa");
        var production = await GetPageAsync(host.ClientAs(TestPersonas.Viewer, environment: "production"), "/portal/hirakawa");

        Assert.Matches("友だち</h2>\\s*<p class=\"stat-value\">[1-9]", staging);
        Assert.Matches("友だち</h2>\\s*<p class=\"stat-value\">0<", production);
    }

    [Fact]
    public async Task Navigation_hides_what_a_viewer_may_not_open_and_the_page_itself_is_forbidden()
    {
        var viewer = host.ClientAs(TestPersonas.Viewer);

        var dashboard = await GetPageAsync(viewer, "/portal/hirakawa");
        var staff = await viewer.GetAsync("/portal/hirakawa/staff");

        Assert.DoesNotContain("/portal/hirakawa/staff", dashboard);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientAs(TestPersonas.Admin).GetAsync("/portal/hirakawa/staff")).StatusCode);
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_page()
    {
        var response = await host.ClientAs(null).GetAsync("/portal/hirakawa");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_console_is_for_operators_only()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientAs(TestPersonas.Admin).GetAsync("/ops")).StatusCode);

        var list = await GetPageAsync(host.ClientAs(TestPersonas.Operator), "/ops");

        Assert.Contains("/ops/tenants/hirakawa", list);
        Assert.Contains("LINE 設定済み", list);
    }

    [Fact]
    public async Task The_console_shows_webhook_urls_and_never_a_secret()
    {
        var page = await GetPageAsync(host.ClientAs(TestPersonas.Operator), "/ops/tenants/hirakawa");

        Assert.Contains("https://smartbranch.example.jp/line/hirakawa/production/webhook", page);
        Assert.Contains("https://smartbranch.example.jp/line/hirakawa/staging/webhook", page);
        Assert.DoesNotContain(TestTenants.StagingSecret, page);
        Assert.DoesNotContain(TestTenants.StagingToken, page);
    }

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        // Blazor encodes every non-ASCII character; the assertions read the text as a browser shows it.
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}\n{body}");
        return body;
    }
}
