using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>Staff publishing surveys through the editor, and residents answering them on the LIFF page, around one test bed.</summary>
/// <param name="staffChannel">Where staff work: Hirakawa's staging unless a test says otherwise.</param>
internal sealed class SurveyScenario(LineTestBed bed, TestChannel? staffChannel = null)
{
    public static readonly TestChannel Channel = LineTestBed.HirakawaStaging;

    public static readonly TestStaff Editor = TestStaff.Member("kikaku-1", SurveysPermissions.View, SurveysPermissions.Edit);

    /// <summary>A park survey: a condition, a required choice, free text and an e-mail address.</summary>
    public static readonly SurveyForm ParkForm = new(
    [
        new SurveyItem("intro", SurveyItemKind.Section, "公園について", "市内の公園の使い方をお聞きします。"),
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Required: true, Choices: [new("yes", "はい"), new("no", "いいえ")]),
        new SurveyItem("which", SurveyItemKind.MultipleChoice, "どの公園を使いますか", Choices: [new("a", "A公園"), new("b", "B公園")],
            ShowWhen: new SurveyCondition("uses", ["yes"])),
        new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見", MaxLength: 500),
        new SurveyItem("email", SurveyItemKind.Email, "連絡先のメールアドレス"),
    ]);

    public async Task<Guid> PublishAsync(string title, bool anonymous = false, bool oneAnswer = false, SurveyForm? form = null)
    {
        var now = DateTimeOffset.UtcNow;
        return await AsEditorAsync(async editor =>
        {
            var id = await editor.CreateAsync(new SurveySettings(title, "ご協力をお願いします。", now.AddMinutes(-5), now.AddDays(30), anonymous, oneAnswer, false), CancellationToken.None);
            await editor.SaveFormAsync(id, form ?? ParkForm, CancellationToken.None);
            await editor.OpenAsync(id, CancellationToken.None);
            return id;
        });
    }

    public Task<T> AsEditorAsync<T>(Func<SurveyEditor, Task<T>> work) => AsAsync(Editor, work);

    public Task<T> AsAsync<T>(TestStaff staff, Func<SurveyEditor, Task<T>> work) => InScopeAsync(staff, s => work(s.GetRequiredService<SurveyEditor>()));

    /// <summary>Runs <paramref name="work"/> in Hirakawa's staging with <paramref name="staff"/> signed in.</summary>
    public async Task<T> InScopeAsync<T>(TestStaff staff, Func<IServiceProvider, Task<T>> work)
    {
        var channel = staffChannel ?? Channel;
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider);
    }

    public async Task<string> FriendAsync()
    {
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
        await Eventually.GetAsync(() => bed.InboxAsync(userId), messages => messages.Count > 0, "the welcome message");
        await bed.WaitUntilIdleAsync();
        return userId;
    }

    /// <summary>Opens the survey through LIFF as <paramref name="userId"/>: the sign-in step, then the page.</summary>
    public async Task<BrowserPage> OpenAsync(Browser browser, string userId, Guid surveyId)
    {
        var signIn = await browser.GetAsync(PathOf(surveyId));
        return await browser.SubmitAsync(signIn, new Dictionary<string, string> { [ResidentSignIn.TokenField] = await bed.IssueIdTokenAsync(userId, Channel.ChannelId) });
    }

    /// <summary>Posts the page's first form with its hidden fields (anti-forgery, submission key) and <paramref name="fields"/>.</summary>
    public static async Task<BrowserPage> PostAsync(Browser browser, BrowserPage page, params (string Name, string Value)[] fields)
    {
        var form = page.Document.Forms[0]!;
        var hidden = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        var path = form.GetAttribute("action")!;
        var response = await browser.Client.PostAsync(path, new FormUrlEncodedContent(hidden.Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await browser.GetAsync(response.Headers.Location!.ToString());
        }

        var body = await response.Content.ReadAsStringAsync();
        return new BrowserPage(path, response.StatusCode, body, new HtmlParser().ParseDocument(body), response);
    }

    public static string PathOf(Guid surveyId) => Channel.ResidentPath($"surveys/{surveyId}");

    public static string Text(JsonObject message) => message["text"]!.GetValue<string>();
}

/// <summary>Hirakawa's staging with the emulator as LINE and a staff member the test signs in.</summary>
public abstract class SurveysBed(TestDatabaseKind kind) : TestBedFixture
{
    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(kind, configureServices: services =>
    {
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
    });
}

public sealed class SqliteSurveysBed() : SurveysBed(TestDatabaseKind.Sqlite);

public sealed class PostgresSurveysBed() : SurveysBed(TestDatabaseKind.Postgres)
{
    protected override void RequireServices() => TestServices.RequirePostgres();
}
