using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Portal.Tests.TestDoubles;
using SmartBranch.TestSupport;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>The portal as the server serves it to staff who signed in: permissions, culture and environment on real requests.</summary>
public sealed class PortalHostingTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task The_shell_renders_in_Japanese_by_default()
    {
        var admin = await host.SignInAsync((await host.AccountsAsync()).Admin);

        var page = await GetPageAsync(admin, "/portal/hirakawa");

        Assert.Contains("<html lang=\"ja\">", page);
        Assert.Contains("平川市", page);
        Assert.Contains(">ダッシュボード</a>", page);
        Assert.Contains(">住民（友だち）</a>", page);
        Assert.Contains(">職員管理</a>", page);
    }

    [Fact]
    public async Task The_shell_renders_in_English_from_the_culture_cookie()
    {
        var admin = await host.SignInAsync((await host.AccountsAsync()).Admin, culture: "en");

        var page = await GetPageAsync(admin, "/portal/hirakawa");

        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Hirakawa City", page);
        Assert.Contains(">Dashboard</a>", page);
        Assert.Contains(">Residents</a>", page);
        Assert.Contains(">Staff</a>", page);
    }

    [Fact]
    public async Task Staging_shows_the_banner_and_the_staging_colours()
    {
        var accounts = await host.AccountsAsync();
        var staging = await GetPageAsync(await host.SignInAsync(accounts.Admin, environment: "staging"), "/portal/hirakawa");
        var production = await GetPageAsync(await host.SignInAsync(accounts.Admin), "/portal/hirakawa");

        Assert.Contains("ステージング環境（練習用）— 住民には届きません", staging);
        Assert.Contains("class=\"shell env-staging\"", staging);
        Assert.DoesNotContain("staging-banner", production);
        Assert.Contains("class=\"shell env-production\"", production);
    }

    [Fact]
    public async Task The_chosen_environment_is_the_one_whose_data_the_page_reads()
    {
        var name = await AddResidentAsync("staging", "ステージング 住民");
        var accounts = await host.AccountsAsync();

        var staging = await GetPageAsync(await host.SignInAsync(accounts.Viewer, environment: "staging"), "/portal/hirakawa");
        var production = await GetPageAsync(await host.SignInAsync(accounts.Viewer, environment: "production"), "/portal/hirakawa/residents");

        Assert.Matches("友だち</h2>\\s*<p class=\"stat-value\">[1-9]", staging);
        Assert.DoesNotContain(name, production);
    }

    [Fact]
    public async Task Navigation_hides_what_a_viewer_may_not_open_and_the_page_itself_is_forbidden()
    {
        var accounts = await host.AccountsAsync();
        var viewer = await host.SignInAsync(accounts.Viewer);

        var dashboard = await GetPageAsync(viewer, "/portal/hirakawa");
        var staff = await viewer.GetAsync("/portal/hirakawa/staff");

        Assert.DoesNotContain("/portal/hirakawa/staff", dashboard);
        AssertForbidden(staff);
        Assert.Equal(HttpStatusCode.OK, (await (await host.SignInAsync(accounts.Admin)).GetAsync("/portal/hirakawa/staff")).Status);
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_sign_in()
    {
        var page = await host.OpenBrowser().GetAsync("/portal/hirakawa/residents");

        Assert.Equal("/account/signin", page.Path);
        Assert.DoesNotContain("住民（友だち）一覧", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_is_for_operators_only()
    {
        var accounts = await host.AccountsAsync();
        AssertForbidden(await (await host.SignInAsync(accounts.Admin)).GetAsync("/ops"));

        var list = await GetPageAsync(await host.SignInAsync(accounts.Operator), "/ops");

        Assert.Contains("/ops/tenants/hirakawa", list);
        Assert.Contains("LINE 設定済み", list);
    }

    [Fact]
    public async Task The_console_shows_webhook_urls_and_never_a_secret()
    {
        var page = await GetPageAsync(await host.SignInAsync((await host.AccountsAsync()).Operator), "/ops/tenants/hirakawa");

        Assert.Contains("https://smartbranch.example.jp/line/hirakawa/production/webhook", page);
        Assert.Contains("https://smartbranch.example.jp/line/hirakawa/staging/webhook", page);
        Assert.DoesNotContain(TestTenants.StagingSecret, page);
        Assert.DoesNotContain(TestTenants.StagingToken, page);
    }

    [Fact]
    public async Task A_viewer_lists_and_searches_residents_and_each_view_is_audited_without_their_names()
    {
        var yamada = await AddResidentAsync("production", "山田 りんご");
        var sato = await AddResidentAsync("production", "佐藤 みかん");
        var viewer = await host.SignInAsync((await host.AccountsAsync()).Viewer);
        var before = await ResidentListViewsAsync();

        var all = await GetPageAsync(viewer, "/portal/hirakawa/residents");
        var found = await GetPageAsync(viewer, "/portal/hirakawa/residents?q=" + Uri.EscapeDataString(yamada[..4]));

        Assert.Contains(yamada, all);
        Assert.Contains(sato, all);
        Assert.Contains(yamada, found);
        Assert.DoesNotContain(sato, found);
        Assert.Contains(">友だち</span>", found);
        var views = (await ResidentListViewsAsync()).Skip(before.Count).ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal("閲覧 花子", v.ActorDisplayName));
        Assert.All(views, v => Assert.True(v.TouchesPersonalData));
        Assert.Contains("検索", views[1].Summary, StringComparison.Ordinal);
        Assert.All(views, v => Assert.DoesNotContain("山田", v.Summary ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_residents_list_comes_in_pages_of_fifty_and_a_search_keeps_to_its_pages()
    {
        var family = "津軽" + Guid.NewGuid().ToString("N")[..6];
        var names = new List<string>();
        for (var i = 0; i < 51; i++)
        {
            names.Add(await AddResidentAsync("production", family));
        }

        var viewer = await host.SignInAsync((await host.AccountsAsync()).Viewer);
        var first = await GetPageAsync(viewer, "/portal/hirakawa/residents?q=" + Uri.EscapeDataString(family));
        var second = await GetPageAsync(viewer, "/portal/hirakawa/residents?q=" + Uri.EscapeDataString(family) + "&page=2");

        Assert.Contains("51 人が見つかりました", first);
        Assert.Contains("1 / 2 ページ", first);
        Assert.Contains("rel=\"next\"", first);
        Assert.Equal(50, names.Count(first.Contains));
        Assert.Equal(1, names.Count(second.Contains));
        Assert.Contains("2 / 2 ページ", second);
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    [Fact]
    public async Task A_contractor_neither_sees_nor_opens_the_residents_list()
    {
        var contractor = await host.SignInAsync((await host.AccountsAsync()).Contractor);

        var dashboard = await GetPageAsync(contractor, "/portal/hirakawa");

        Assert.DoesNotContain("/portal/hirakawa/residents", dashboard);
        AssertForbidden(await contractor.GetAsync("/portal/hirakawa/residents"));
    }

    [Fact]
    public async Task An_operator_sees_residents_only_under_an_active_grant_and_is_audited_as_the_operator()
    {
        var name = await AddResidentAsync("production", "木村 さくら");
        var @operator = await TestAccounts.CreateOperatorAsync(host.Services, "緊急 対応");
        var browser = await host.SignInAsync(@operator);

        AssertForbidden(await browser.GetAsync("/portal/hirakawa/residents"));

        await PersonalDataAccess.DeclareEmergencyAsync(host.Services, @operator, "hirakawa", "住民からの問い合わせ調査");
        var page = await GetPageAsync(browser, "/portal/hirakawa/residents");

        Assert.Contains(name, page);
        Assert.Contains(await ResidentListViewsAsync(), v => v.ActorUserId == @operator.UserId);
    }

    private static void AssertForbidden(BrowserPage page)
    {
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("/account/access-denied", page.Path);
    }

    private async Task<string> AddResidentAsync(string environment, string displayName)
    {
        var name = $"{displayName} {Guid.NewGuid().ToString("N")[..6]}";
        await using var scope = host.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", environment);
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var resident = Resident.Follow("U" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
        resident.UpdateProfile(name, "ja", DateTimeOffset.UtcNow);
        db.Add(resident);
        await db.SaveChangesAsync();
        return name;
    }

    private async Task<List<AuditEntryView>> ResidentListViewsAsync()
    {
        await using var scope = host.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "production");
        var found = await scope.ServiceProvider.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(Action: "residents.list.viewed"), 1, 200, CancellationToken.None);
        return [.. found.Entries.OrderBy(e => e.Sequence)];
    }

    private static async Task<string> GetPageAsync(Browser browser, string path)
    {
        var page = await browser.GetAsync(path);
        // Blazor encodes every non-ASCII character; the assertions read the text as a browser shows it.
        var body = WebUtility.HtmlDecode(page.Body);
        Assert.True(page.Status == HttpStatusCode.OK && page.Path == path.Split('?')[0], $"{path}: {page.Url} {(int)page.Status}\n{page.Text}");
        return body;
    }
}
