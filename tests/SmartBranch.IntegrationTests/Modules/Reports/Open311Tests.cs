using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Email;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.ApiKeys;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>
/// GeoReport v2 through the real server, production by default: a city system with an API key files a request that
/// becomes a case in the inbox, reads it back without personal data, and bad requests get the spec's errors.
/// </summary>
public abstract class Open311Tests(Open311Bed fixture)
{
    private const string Api = "/open311/hirakawa/v2";
    private static readonly TestChannel Production = LineTestBed.HirakawaProduction;

    private static readonly TestStaff KeyAdmin = new()
    {
        UserId = "admin-api",
        DisplayName = "管理 花子",
        Roles = [StaffRoles.Admin],
        Permissions = [ReportsPermissions.Api, ReportsPermissions.View, ReportsPermissions.Handle, ReportsPermissions.AllDepartments],
    };

    private static readonly TestStaff RoadStaff = new()
    {
        UserId = "doboku-api",
        DisplayName = "土木 太郎",
        Roles = [StaffRoles.Staff],
        Departments = ["土木課"],
        Permissions = [ReportsPermissions.View, ReportsPermissions.Handle],
    };

    [Fact]
    public async Task Services_are_the_tenants_categories_in_json_and_in_xml()
    {
        var bed = await fixture.GetAsync();

        var json = await bed.Server.GetAsync($"{Api}/services.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var services = JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(
            new[] { "road", "streetlight", "park", "river", "dumping", "carcass", "other" }, services.Select(s => s!["service_code"]!.GetValue<string>()).ToArray());
        var road = services[0]!;
        Assert.Equal(("道路の損傷", false, "realtime", "土木課"),
            (road["service_name"]!.GetValue<string>(), road["metadata"]!.GetValue<bool>(), road["type"]!.GetValue<string>(), road["group"]!.GetValue<string>()));

        var xml = XDocument.Parse(await bed.Server.GetStringAsync($"{Api}/services.xml"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var first = xml.Root.Elements("service").First();
        Assert.Equal(("road", "道路の損傷", "false"), (first.Element("service_code")!.Value, first.Element("service_name")!.Value, first.Element("metadata")!.Value));

        Assert.Equal(HttpStatusCode.NotFound, (await bed.Server.GetAsync($"{Api}/services.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bed.Server.GetAsync("/open311/nosuchcity/v2/services.json")).StatusCode);
    }

    [Fact]
    public async Task A_request_from_a_keyed_client_becomes_a_case_in_the_inbox_and_reads_back_without_personal_data()
    {
        var bed = await fixture.GetAsync();
        var key = await CreateKeyAsync(bed, "道路管理システム");

        var created = await bed.Server.PostAsync($"{Api}/requests.json", Form(new()
        {
            ["api_key"] = key,
            ["service_code"] = "road",
            ["lat"] = "40.5650",
            ["long"] = "140.6500",
            ["address_string"] = "平川市新屋町",
            ["description"] = "山田花子さん宅の前の舗装がはがれています",
            ["email"] = "hanako@example.jp",
            ["first_name"] = "花子",
            ["last_name"] = "山田",
            ["phone"] = "090-1234-5678",
            ["media_url"] = "https://photos.example.jp/r/1.jpg",
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var answer = Assert.Single(JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsArray())!;
        var number = answer["service_request_id"]!.GetValue<string>();
        Assert.Matches(@"^R-\d{4}-\d{6}$", number);

        var report = await bed.InTenantAsync(Production, (db, _) => db.Set<ReportCase>().AsNoTracking().SingleAsync(c => c.ReceiptNumber == number));
        Assert.Equal(
            (ReportSource.Open311, "道路管理システム", (string?)null, "road", "doboku", "山田花子さん宅の前の舗装がはがれています", "https://photos.example.jp/r/1.jpg", "平川市新屋町"),
            (report.Source, report.SourceClient, report.ReporterLineUserId, report.CategoryKey, report.DepartmentKey, report.Comment, report.MediaUrl, report.Address));

        var inbox = await AsStaffAsync(bed, RoadStaff, s => s.GetRequiredService<ReportInbox>().SearchAsync(new ReportInboxFilter(CategoryKey: "road"), 1, CancellationToken.None));
        Assert.Contains(inbox.Cases, c => c.ReceiptNumber == number && c.Status == ReportStatus.Received);
        var opened = await AsStaffAsync(bed, RoadStaff, s => s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None));
        Assert.Equal((ReportSource.Open311, "道路管理システム", false), (opened.Source, opened.SourceClient, opened.HasPhoto));

        var mail = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Emails.Sent.LastOrDefault(m => m.Subject.Contains(number, StringComparison.Ordinal))), m => m is not null, "the department's e-mail");
        Assert.Equal("doboku@city.hirakawa.example", mail!.To);

        var one = await bed.Server.GetStringAsync($"{Api}/requests/{number}.json");
        var request = Assert.Single(JsonNode.Parse(one)!.AsArray())!;
        Assert.Equal((number, "open", "road", "道路の損傷", "土木課", 40.565, 140.65),
            (request["service_request_id"]!.GetValue<string>(), request["status"]!.GetValue<string>(), request["service_code"]!.GetValue<string>(),
             request["description"]!.GetValue<string>(), request["agency_responsible"]!.GetValue<string>(), request["lat"]!.GetValue<double>(), request["long"]!.GetValue<double>()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$", request["requested_datetime"]!.GetValue<string>());

        var xml = await bed.Server.GetStringAsync($"{Api}/requests.xml?service_request_id={number}");
        var element = Assert.Single(XDocument.Parse(xml).Root!.Elements("request"));
        Assert.Equal(("service_requests", number, "open"), (element.Parent!.Name.LocalName, element.Element("service_request_id")!.Value, element.Element("status")!.Value));

        foreach (var personal in new[] { "山田", "花子", "hanako", "090-1234", "新屋町", "photos.example.jp" })
        {
            Assert.DoesNotContain(personal, one, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, xml, StringComparison.Ordinal);
        }

        await AsStaffAsync(bed, RoadStaff, async s =>
        {
            await s.GetRequiredService<ReportCaseDesk>().ChangeStatusAsync(report.Id, ReportStatus.Completed, null, CancellationToken.None);
            return true;
        });
        var closed = JsonNode.Parse(await bed.Server.GetStringAsync($"{Api}/requests.json?status=closed&service_code=road"))!.AsArray();
        Assert.Contains(closed, r => r!["service_request_id"]!.GetValue<string>() == number && r["status"]!.GetValue<string>() == "closed");
        var open = JsonNode.Parse(await bed.Server.GetStringAsync($"{Api}/requests.json?status=open"))!.AsArray();
        Assert.DoesNotContain(open, r => r!["service_request_id"]!.GetValue<string>() == number);
    }

    [Fact]
    public async Task Bad_requests_get_the_specs_errors_with_the_right_status_and_file_nothing()
    {
        var bed = await fixture.GetAsync();
        var key = await CreateKeyAsync(bed, "検証用アプリ");
        var before = await CountOpen311CasesAsync(bed);

        var noKey = await bed.Server.PostAsync($"{Api}/requests.json", Form(new() { ["service_code"] = "road", ["lat"] = "40.565", ["long"] = "140.65" }));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        var error = Assert.Single(JsonNode.Parse(await noKey.Content.ReadAsStringAsync())!.AsArray())!;
        Assert.Equal(403, error["code"]!.GetValue<int>());
        Assert.Contains("api_key", error["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var wrongKey = await bed.Server.PostAsync($"{Api}/requests.xml", Form(new() { ["api_key"] = "o311_wrong", ["service_code"] = "road", ["lat"] = "40.565", ["long"] = "140.65" }));
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
        var xmlError = XDocument.Parse(await wrongKey.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(("errors", "403"), (xmlError.Name.LocalName, xmlError.Element("error")!.Element("code")!.Value));

        await AssertBadRequestAsync(bed, new() { ["api_key"] = key, ["service_code"] = "potholes", ["lat"] = "40.565", ["long"] = "140.65" }, "service_code");
        await AssertBadRequestAsync(bed, new() { ["api_key"] = key, ["service_code"] = "road", ["long"] = "140.65" }, "lat");
        await AssertBadRequestAsync(bed, new() { ["api_key"] = key, ["service_code"] = "road", ["lat"] = "北緯40度", ["long"] = "140.65" }, "lat");
        await AssertBadRequestAsync(bed, new() { ["api_key"] = key, ["service_code"] = "road", ["lat"] = "40.6031", ["long"] = "140.4640" }, "平川市の外");
        await AssertBadRequestAsync(bed, new() { ["api_key"] = key, ["service_code"] = "road", ["lat"] = "40.565", ["long"] = "140.65", ["description"] = new string('穴', 501) }, "500");
        await AssertBadRequestAsync(bed, new() { ["api_key"] = key, ["service_code"] = "road", ["lat"] = "40.565", ["long"] = "140.65", ["media_url"] = "file:///etc/passwd" }, "media_url");

        var notForm = await bed.Server.PostAsync($"{Api}/requests.json", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notForm.StatusCode);

        var badStatus = await bed.Server.GetAsync($"{Api}/requests.json?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(400, JsonNode.Parse(await badStatus.Content.ReadAsStringAsync())![0]!["code"]!.GetValue<int>());
        var tooLong = await bed.Server.GetAsync($"{Api}/requests.json?start_date=2026-01-01T00:00:00%2B09:00&end_date=2026-06-01T00:00:00%2B09:00");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var badDate = await bed.Server.GetAsync($"{Api}/requests.json?start_date=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        var missing = await bed.Server.GetAsync($"{Api}/requests/R-1999-000001.xml");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("404", XDocument.Parse(await missing.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);

        Assert.Equal(before, await CountOpen311CasesAsync(bed));
    }

    [Fact]
    public async Task A_revoked_key_or_another_environments_key_is_refused_and_key_changes_are_audited()
    {
        var bed = await fixture.GetAsync();
        var key = await CreateKeyAsync(bed, "廃止するシステム");
        var fields = new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "park", ["lat"] = "40.565", ["long"] = "140.65" };

        var staging = await bed.Server.PostAsync("/open311/hirakawa/staging/v2/requests.json", Form(fields));
        Assert.Equal(HttpStatusCode.Forbidden, staging.StatusCode);

        var listed = await AsStaffAsync(bed, KeyAdmin, s => s.GetRequiredService<ReportApiKeys>().ListAsync(CancellationToken.None));
        var listing = Assert.Single(listed, k => k.Name == "廃止するシステム");
        Assert.StartsWith(listing.Hint, key, StringComparison.Ordinal);
        Assert.DoesNotContain(listed, k => k.Hint.Length >= key.Length);
        await AsStaffAsync(bed, KeyAdmin, async s =>
        {
            await s.GetRequiredService<ReportApiKeys>().RevokeAsync(listing.Id, CancellationToken.None);
            return true;
        });

        var refused = await bed.Server.PostAsync($"{Api}/requests.json", Form(fields));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var stored = await bed.InTenantAsync(Production, (db, _) => db.Set<ReportApiKey>().AsNoTracking().SingleAsync(k => k.Id == listing.Id));
        Assert.NotEqual(key, stored.Hash);
        Assert.DoesNotContain(key, stored.Hash, StringComparison.Ordinal);

        var audited = await bed.InTenantAsync(Production, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == listing.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(new[] { "reports.api_key.created", "reports.api_key.revoked" }, audited.Order().ToArray());

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsStaffAsync(bed, RoadStaff, s => s.GetRequiredService<ReportApiKeys>().ListAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Posts_beyond_a_keys_hourly_limit_are_refused_with_429()
    {
        var bed = await fixture.GetAsync();
        var key = await CreateKeyAsync(bed, "連投するアプリ");
        var fields = new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "dumping", ["lat"] = "40.5500", ["long"] = "140.7500" };
        for (var i = 0; i < Open311Bed.PostsPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bed.Server.PostAsync($"{Api}/requests.json", Form(fields))).StatusCode);
        }

        var limited = await bed.Server.PostAsync($"{Api}/requests.json", Form(fields));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(429, JsonNode.Parse(await limited.Content.ReadAsStringAsync())![0]!["code"]!.GetValue<int>());

        var other = await CreateKeyAsync(bed, "別のアプリ");
        Assert.Equal(HttpStatusCode.OK, (await bed.Server.PostAsync($"{Api}/requests.json", Form(new(fields) { ["api_key"] = other }))).StatusCode);
    }

    private static async Task AssertBadRequestAsync(LineTestBed bed, Dictionary<string, string> fields, string mentioned)
    {
        var response = await bed.Server.PostAsync($"{Api}/requests.json", Form(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Contains(mentioned, error["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    private static Task<string> CreateKeyAsync(LineTestBed bed, string name) =>
        AsStaffAsync(bed, KeyAdmin, s => s.GetRequiredService<ReportApiKeys>().CreateAsync(name, CancellationToken.None));

    private static Task<int> CountOpen311CasesAsync(LineTestBed bed) =>
        bed.InTenantAsync(Production, (db, _) => db.Set<ReportCase>().CountAsync(c => c.Source == ReportSource.Open311));

    private static async Task<T> AsStaffAsync<T>(LineTestBed bed, TestStaff staff, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(Production.Tenant, Production.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider);
    }
}

/// <summary>
/// Hirakawa with a staff member the test signs in, e-mail kept instead of sent, and a small hourly POST limit (every
/// POST with a valid key counts, refused or not; each test uses keys of its own).
/// </summary>
public abstract class Open311Bed : TestBedFixture
{
    public const int PostsPerHour = 10;

    public CapturedEmails Emails { get; } = new();

    protected Task<LineTestBed> StartAsync(TestDatabaseKind kind) => LineTestBed.StartAsync(
        kind,
        extraSettings: new Dictionary<string, string?> { ["Reports:Open311:PostsPerHour"] = PostsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        configureServices: services =>
        {
            services.AddScoped<TestStaff>();
            services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
            services.AddSingleton<IStaffEmailSender>(Emails);
        });
}

public sealed class SqliteOpen311Bed : Open311Bed
{
    protected override Task<LineTestBed> StartAsync() => StartAsync(TestDatabaseKind.Sqlite);
}

public sealed class PostgresOpen311Bed : Open311Bed
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() => StartAsync(TestDatabaseKind.Postgres);
}

public sealed class SqliteOpen311Tests(SqliteOpen311Bed fixture) : Open311Tests(fixture), IClassFixture<SqliteOpen311Bed>;

public sealed class PostgresOpen311Tests(PostgresOpen311Bed fixture) : Open311Tests(fixture), IClassFixture<PostgresOpen311Bed>;
