using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Surveys;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.Modules.Surveys.PublicComments.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.PublicComments;

/// <summary>Staff running public comment cases at the desk, and residents commenting on their pages, around one test bed.</summary>
internal sealed class PublicCommentScenario(LineTestBed bed)
{
    public static readonly TestChannel Channel = SurveyScenario.Channel;

    public static readonly TestStaff Editor = TestStaff.Member(
        "seisaku-1", PublicCommentsPermissions.View, PublicCommentsPermissions.Edit, PublicCommentsPermissions.Opinions);

    /// <summary>A small but real PDF's bytes (a header, one empty page, the trailer).</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static PublicCommentSettings Settings(string title, DateTimeOffset opensAt, params PublicCommentIdentityField[] fields) =>
        new(title, "都市計画課", "第 2 次都市計画マスタープランの案です。\nご意見をお寄せください。", opensAt, opensAt + PublicCommentCase.DefaultPeriod, fields);

    /// <summary>An open case asking name, address and 区分, with one document.</summary>
    public async Task<Guid> OpenCaseAsync(string title)
    {
        var now = DateTimeOffset.UtcNow;
        return await AsEditorAsync(async desk =>
        {
            var id = await desk.CreateAsync(
                Settings(title, now.AddMinutes(-5), PublicCommentIdentityField.Name, PublicCommentIdentityField.Address, PublicCommentIdentityField.Category),
                CancellationToken.None);
            await desk.AttachDocumentAsync(id, "計画案（概要版）.pdf", Pdf, CancellationToken.None);
            await desk.OpenAsync(id, CancellationToken.None);
            return id;
        });
    }

    public Task<T> AsEditorAsync<T>(Func<PublicCommentDesk, Task<T>> work) => AsAsync(Editor, work);

    public async Task<T> AsAsync<T>(TestStaff staff, Func<PublicCommentDesk, Task<T>> work)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(Channel.Tenant, Channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider.GetRequiredService<PublicCommentDesk>());
    }

    public Task<string> FriendAsync() => new SurveyScenario(bed).FriendAsync();

    /// <summary>Opens the case through LIFF as <paramref name="userId"/>: the sign-in step, then the page.</summary>
    public async Task<BrowserPage> OpenAsync(Browser browser, string userId, Guid caseId)
    {
        var signIn = await browser.GetAsync(PathOf(caseId));
        return await browser.SubmitAsync(signIn, new Dictionary<string, string> { [ResidentSignIn.TokenField] = await bed.IssueIdTokenAsync(userId, Channel.ChannelId) });
    }

    /// <summary>Enters an opinion, confirms it and sends it.</summary>
    public static async Task<BrowserPage> CommentAsync(Browser browser, BrowserPage page, string name, string opinion)
    {
        var confirmation = await SurveyScenario.PostAsync(browser, page,
            ("q-name", name), ("q-address", "平川市柏木町藤山 25-6"), ("q-category", "resident"), ("q-opinion", opinion), ("step", "confirm"));
        return await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
    }

    public static string PathOf(Guid caseId) => Channel.ResidentPath(PublicCommentPaths.CasePage(caseId));

    public static string ResultPathOf(Guid caseId) => Channel.ResidentPath(PublicCommentPaths.ResultPage(caseId));
}
