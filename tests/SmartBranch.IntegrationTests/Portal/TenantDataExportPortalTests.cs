using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Identity;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.IntegrationTests.Portal;

/// <summary>A tenant admin takes the city's data away as one ZIP: this tenant's only, described, and on the record.</summary>
public abstract class TenantDataExportPortalTests(PortalTestBed fixture)
{
    [Fact]
    public async Task The_archive_holds_this_tenants_residents_of_both_environments_the_audit_log_and_the_manifest()
    {
        var bed = await fixture.GetAsync();
        var production = await AddResidentAsync(bed, "hirakawa", "production", "平川 一郎");
        var staging = await AddResidentAsync(bed, "hirakawa", "staging", "=HYPERLINK(\"x\")");
        var other = await AddResidentAsync(bed, "othercity", "staging", "他市 花子");
        var (browser, admin) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;
        var page = await browser.GetAsync("/portal/hirakawa/data-export");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var response = await browser.PostFormAsync(page, "/data-export/archive", ("parts", "tenant"), ("parts", "residents"), ("parts", "audit-log"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var productionCsv = Read(zip, "production/residents/residents.csv");
        var stagingCsv = Read(zip, "staging/residents/residents.csv");
        Assert.Contains(production, productionCsv, StringComparison.Ordinal);
        Assert.Contains("平川 一郎", productionCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(staging, productionCsv, StringComparison.Ordinal);
        Assert.Contains($"{staging},\"'=HYPERLINK(\"\"x\"\")\",friend,ja", stagingCsv, StringComparison.Ordinal);
        Assert.StartsWith("id,line_user_id,display_name,status,language,", stagingCsv, StringComparison.Ordinal);
        Assert.All(zip.Entries, e => Assert.DoesNotContain(other, Read(zip, e.FullName), StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("othercity", StringComparison.Ordinal));

        var auditLog = Read(zip, "audit-log/audit-log.csv");
        Assert.Contains($"tenant.data_exported,tenant,hirakawa", auditLog, StringComparison.Ordinal);
        Assert.Contains(admin.UserId, auditLog, StringComparison.Ordinal);

        var readme = Read(zip, "README.txt");
        Assert.Contains("line_user_id", readme, StringComparison.Ordinal);
        Assert.Contains("LINE のユーザー ID", readme, StringComparison.Ordinal);
        Assert.Contains("LINE user id", readme, StringComparison.Ordinal);
        Assert.Contains("contributed by modules", readme, StringComparison.Ordinal);

        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;
        Assert.Equal("hirakawa", manifest["tenant"]!["slug"]!.GetValue<string>());
        var parts = manifest["parts"]!.AsArray();
        Assert.Equal(["tenant", "audit-log", "residents"], parts.Select(p => p!["id"]!.GetValue<string>()));
        var residentsPart = parts.Single(p => p!["id"]!.GetValue<string>() == "residents")!;
        Assert.Equal("residents", residentsPart["contributed_by"]!.GetValue<string>());
        var written = residentsPart["files"]![0]!["written"]!.AsArray().Select(w => (w!["path"]!.GetValue<string>(), w["rows"]!.GetValue<long>())).ToList();
        Assert.Contains(("staging/residents/residents.csv", CountRows(stagingCsv)), written);
    }

    [Fact]
    public async Task The_export_is_audited_with_its_parts_and_no_personal_data()
    {
        var bed = await fixture.GetAsync();
        var resident = await AddResidentAsync(bed, "hirakawa", "production", "平川 二郎");
        var (browser, admin) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;
        var page = await browser.GetAsync("/portal/hirakawa/data-export");

        using var response = await browser.PostFormAsync(page, "/data-export/archive", ("parts", "residents"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsByteArrayAsync();

        var log = await browser.GetAsync($"/portal/hirakawa/audit?action=tenant.data_exported&actor={admin.UserId}");
        var entry = Assert.Single(log.Document.QuerySelectorAll(".audit-table tbody tr")).TextContent;
        Assert.Contains("residents", entry, StringComparison.Ordinal);
        Assert.Contains("production", entry, StringComparison.Ordinal);
        Assert.Contains("staging", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(resident, entry, StringComparison.Ordinal);
        Assert.DoesNotContain("平川 二郎", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_no_part_is_explained_on_the_page()
    {
        var bed = await fixture.GetAsync();
        var (browser, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;
        var page = await browser.GetAsync("/portal/hirakawa/data-export");

        var response = await browser.PostFormAsync(page, "/data-export/archive");
        var back = await browser.GetAsync(response.Headers.Location!.ToString());

        Assert.Equal("含める部分を 1 つ以上選んでください。", back.Document.QuerySelector("[role=alert]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(StaffRoles.Viewer)]
    [InlineData(StaffRoles.Staff)]
    [InlineData(StaffRoles.Contractor)]
    public async Task Anyone_but_an_admin_is_refused_the_page_and_the_archive(string role)
    {
        var bed = await fixture.GetAsync();
        var (browser, _) = await PortalSession.SignInAsync(bed, role);
        using var _browser = browser;

        var page = await browser.GetAsync("/portal/hirakawa/data-export");
        var archive = await browser.PostWithTokenAsync("/portal/hirakawa/data-export/archive", ("parts", "residents"));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.NotEqual("application/zip", archive.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, await browser.FinalStatusAsync(archive));
    }

    private static async Task<string> AddResidentAsync(LineTestBed bed, string tenant, string environment, string displayName)
    {
        var lineUserId = "U" + Guid.NewGuid().ToString("N");
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant, environment);
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var resident = Resident.Follow(lineUserId, DateTimeOffset.UtcNow);
        resident.UpdateProfile(displayName, "ja", DateTimeOffset.UtcNow);
        db.Add(resident);
        await db.SaveChangesAsync();

        return lineUserId;
    }

    private static string Read(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the archive: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static long CountRows(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
}

public sealed class SqliteTenantDataExportPortalTests(SqlitePortalTestBed fixture) : TenantDataExportPortalTests(fixture), IClassFixture<SqlitePortalTestBed>;

public sealed class PostgresTenantDataExportPortalTests(PostgresPortalTestBed fixture) : TenantDataExportPortalTests(fixture), IClassFixture<PostgresPortalTestBed>;
