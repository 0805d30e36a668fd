using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Portal;

/// <summary>The survey screens through the server: who may see the list, the answer counts and the builder.</summary>
public abstract class SurveyPortalTests(PortalTestBed fixture)
{
    [Fact]
    public async Task Staff_see_a_survey_with_its_period_in_Japan_time_and_answer_count_and_open_its_builder()
    {
        var bed = await fixture.GetAsync();
        var (browser, staff) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        using var _browser = browser;
        var title = $"子育て {Guid.NewGuid():N}"[..12];
        var id = await CreateAsync(bed, staff, title);

        var list = await browser.GetAsync("/portal/hirakawa/surveys");
        var builder = await browser.GetAsync($"/portal/hirakawa/surveys/{id}/edit");
        var newSurvey = await browser.GetAsync("/portal/hirakawa/surveys/new");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = list.Document.QuerySelectorAll(".survey-table tbody tr").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Contains("2026/04/01 09:00 – 2026/04/30 17:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("下書き", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", row.QuerySelector(".survey-answer-count")!.TextContent);
        Assert.Equal($"/portal/hirakawa/surveys/{id}/edit", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(list.Document.QuerySelector("#survey-new"));
        Assert.Contains("アンケート", list.Document.QuerySelector(".sidenav")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "アンケートを編集"), (builder.Status, builder.Document.QuerySelector("h1")!.TextContent));
        Assert.Equal((HttpStatusCode.OK, "アンケートを作成"), (newSurvey.Status, newSurvey.Document.QuerySelector("h1")!.TextContent));
    }

    [Fact]
    public async Task A_viewer_sees_the_list_without_answer_counts_and_is_refused_the_builder()
    {
        var bed = await fixture.GetAsync();
        var (staffBrowser, staff) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        staffBrowser.Dispose();
        var title = $"閲覧 {Guid.NewGuid():N}"[..12];
        var id = await CreateAsync(bed, staff, title);
        var (browser, _) = await PortalSession.SignInAsync(bed, StaffRoles.Viewer);
        using var _browser = browser;

        var list = await browser.GetAsync("/portal/hirakawa/surveys");
        var builder = await browser.GetAsync($"/portal/hirakawa/surveys/{id}/edit");
        var newSurvey = await browser.GetAsync("/portal/hirakawa/surveys/new");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(title, list.Document.QuerySelector(".survey-table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.Document.QuerySelector(".survey-answer-count"));
        Assert.Null(list.Document.QuerySelector("#survey-new"));
        Assert.Null(list.Document.QuerySelector($".survey-table a[href$='{id}/edit']"));
        Assert.Null(list.Document.QuerySelector($".survey-table a[href$='{id}/results']"));
        Assert.NotNull(list.Document.QuerySelector($".survey-table a[href$='{id}/invitations']"));
        Assert.Equal((HttpStatusCode.Forbidden, "/account/access-denied"), (builder.Status, builder.Path));
        Assert.Equal((HttpStatusCode.Forbidden, "/account/access-denied"), (newSurvey.Status, newSurvey.Path));
    }

    [Fact]
    public async Task Anyone_signed_out_is_sent_to_sign_in()
    {
        var bed = await fixture.GetAsync();
        using var browser = new Browser(bed.App.Address);

        var list = await browser.GetAsync("/portal/hirakawa/surveys");
        var builder = await browser.GetAsync($"/portal/hirakawa/surveys/{Guid.NewGuid()}/edit");

        Assert.StartsWith("/account/signin", list.Path, StringComparison.Ordinal);
        Assert.StartsWith("/account/signin", builder.Path, StringComparison.Ordinal);
    }

    /// <summary>A draft in Hirakawa's production, the portal's default environment, made by <paramref name="staff"/>.</summary>
    private static async Task<Guid> CreateAsync(LineTestBed bed, TestAccount staff, string title)
    {
        var channel = LineTestBed.HirakawaProduction;
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, staff.UserId)], "Test"));
        await scope.ServiceProvider.GetRequiredService<ICurrentStaffLoader>().LoadAsync(signedIn, CancellationToken.None);
        var editor = scope.ServiceProvider.GetRequiredService<ISurveyEditor>();
        var opens = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var id = await editor.CreateAsync(new SurveySettings(title, null, opens, new DateTimeOffset(2026, 4, 30, 8, 0, 0, TimeSpan.Zero), false, true, false), CancellationToken.None);
        await editor.SaveFormAsync(id, new SurveyForm([new SurveyItem("q1", SurveyItemKind.ShortText, "ご意見")]), CancellationToken.None);
        return id;
    }
}

public sealed class SqliteSurveyPortalTests(SqlitePortalTestBed fixture) : SurveyPortalTests(fixture), IClassFixture<SqlitePortalTestBed>;

public sealed class PostgresSurveyPortalTests(PostgresPortalTestBed fixture) : SurveyPortalTests(fixture), IClassFixture<PostgresPortalTestBed>;
