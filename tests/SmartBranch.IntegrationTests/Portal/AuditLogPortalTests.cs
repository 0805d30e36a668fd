using System.Net;
using System.Text;
using SmartBranch.IntegrationTests.Identity;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.IntegrationTests.Portal;

/// <summary>Tenant admins read, search and export their audit log in the portal; nobody else can.</summary>
public abstract class AuditLogPortalTests(PortalTestBed fixture)
{
    [Fact]
    public async Task An_admin_searches_the_tenants_own_log_newest_first()
    {
        var bed = await fixture.GetAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await PortalSession.RecordAsync(bed, "hirakawa", new AuditRecord("residents.profile.viewed", "resident", $"r-{marker}-1", $"住民の詳細を表示しました。{marker}", true));
        await PortalSession.RecordAsync(bed, "hirakawa", new AuditRecord("residents.profile.viewed", "resident", $"r-{marker}-2", $"住民の詳細を表示しました。{marker}", true));
        await PortalSession.RecordAsync(bed, "hirakawa", new AuditRecord("broadcast.sent", "broadcast", $"b-{marker}", $"配信しました。{marker}"));
        await PortalSession.RecordAsync(bed, "othercity", new AuditRecord("residents.profile.viewed", "resident", $"r-{marker}-other", $"他市の記録 {marker}", true));
        var (browser, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;

        var page = await browser.GetAsync($"/portal/hirakawa/audit?q={marker}&action=residents");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll(".audit-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains($"r-{marker}-2", rows[0], StringComparison.Ordinal);
        Assert.Contains($"r-{marker}-1", rows[1], StringComparison.Ordinal);
        Assert.Contains("個人情報", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain($"r-{marker}-other", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"b-{marker}", page.Text, StringComparison.Ordinal);
        Assert.Contains("監査ログ", page.Document.QuerySelector(".sidenav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_is_read_in_Japan_time_and_a_reversed_one_is_explained()
    {
        var bed = await fixture.GetAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await PortalSession.RecordAsync(bed, "hirakawa", new AuditRecord("staff.invited", "staff", $"s-{marker}"));
        var (browser, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;
        var today = JapanTime.Today(TimeProvider.System);

        var todays = await browser.GetAsync($"/portal/hirakawa/audit?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&q={marker}");
        var yesterdays = await browser.GetAsync($"/portal/hirakawa/audit?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}&q={marker}");
        var reversed = await browser.GetAsync($"/portal/hirakawa/audit?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");

        var row = Assert.Single(todays.Document.QuerySelectorAll(".audit-table tbody tr"));
        Assert.StartsWith($"{today:yyyy-MM-dd} ", row.QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("条件に合う記録はありません。", yesterdays.Text, StringComparison.Ordinal);
        Assert.Equal("開始日が終了日より後になっています。", reversed.Document.QuerySelector("[role=alert]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_CSV_export_holds_the_searched_entries_and_is_itself_audited()
    {
        var bed = await fixture.GetAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await PortalSession.RecordAsync(bed, "hirakawa", new AuditRecord("staff.invited", "staff", $"s-{marker}", $"招待しました。{marker}"));
        await PortalSession.RecordAsync(bed, "hirakawa", new AuditRecord("broadcast.sent", "broadcast", $"b-{marker}", $"配信しました。{marker}"));
        var (browser, admin) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;
        var page = await browser.GetAsync($"/portal/hirakawa/audit?q={marker}&action=staff");

        var response = await browser.PostFormAsync(page, "/audit/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("audit-log-hirakawa-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains($"s-{marker}", lines[1], StringComparison.Ordinal);

        var log = await browser.GetAsync($"/portal/hirakawa/audit?action=audit.exported&actor={admin.UserId}");
        var exported = Assert.Single(log.Document.QuerySelectorAll(".audit-table tbody tr"));
        Assert.Contains("1 件", exported.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tamper_check_and_export_are_offered_to_an_admin()
    {
        var bed = await fixture.GetAsync();
        var (browser, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;

        var page = await browser.GetAsync("/portal/hirakawa/audit");

        Assert.Contains("改ざんの確認", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form[action='/portal/hirakawa/audit/export']"));
    }

    [Theory]
    [InlineData(StaffRoles.Viewer)]
    [InlineData(StaffRoles.Staff)]
    public async Task Staff_without_the_permission_are_refused_the_page_and_the_export(string role)
    {
        var bed = await fixture.GetAsync();
        var (browser, _) = await PortalSession.SignInAsync(bed, role);
        using var _browser = browser;

        var dashboard = await browser.GetAsync("/portal/hirakawa");
        var page = await browser.GetAsync("/portal/hirakawa/audit");
        var export = await browser.PostWithTokenAsync("/portal/hirakawa/audit/export");

        Assert.DoesNotContain("/portal/hirakawa/audit", dashboard.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal(HttpStatusCode.Forbidden, await browser.FinalStatusAsync(export));
    }
}

public sealed class SqliteAuditLogPortalTests(SqlitePortalTestBed fixture) : AuditLogPortalTests(fixture), IClassFixture<SqlitePortalTestBed>;

public sealed class PostgresAuditLogPortalTests(PostgresPortalTestBed fixture) : AuditLogPortalTests(fixture), IClassFixture<PostgresPortalTestBed>;
