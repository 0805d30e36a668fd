using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.IntegrationTests.Identity;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.LineEmulator;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Residents;

/// <summary>The preference page as a resident uses it: opened through LIFF, signed in with the LIFF ID token LINE (the emulator) issued.</summary>
public abstract class ResidentPreferencesTests(TestBedFixture fixture)
{
    private static readonly TestChannel Channel = LineTestBed.HirakawaStaging;
    private static readonly string PreferencesPath = Channel.ResidentPath(PreferencesEndpoints.Page);

    [Fact]
    public async Task A_resident_signed_in_through_LIFF_saves_their_choices_and_finds_them_again()
    {
        var bed = await fixture.GetAsync();
        var userId = await FollowAsync(bed);
        using var browser = new Browser(bed.App.Address);

        var signIn = await browser.GetAsync(PreferencesPath);
        Assert.Equal(Channel.LiffId, signIn.Document.QuerySelector("#liff-session")!.GetAttribute("data-liff-id"));
        Assert.Contains($"script-src 'self' {bed.Emulator.BaseUrl.GetLeftPart(UriPartial.Authority)}", Csp(signIn), StringComparison.Ordinal);
        var form = await SignInAsync(browser, signIn, await bed.IssueIdTokenAsync(userId, Channel.ChannelId));
        Assert.Equal(PreferencesPath, form.Path);
        Assert.Empty(Checked(form));

        var saved = await SaveAsync(browser, form,
            ("attr-topic", "disaster"), ("attr-topic", "waste"), ("attr-area", "hiraka"), ("attr-age", "30s"), ("attr-language", "ja"), ("consent", ConsentVersion(form)));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("受信設定を保存しました", saved.Document.QuerySelector("#saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["field-topic-disaster", "field-topic-waste", "consent-input"], Checked(saved));
        Assert.Equal(("hiraka", "30s", "ja"), (Selected(saved, "area"), Selected(saved, "age"), Selected(saved, "language")));

        var again = await browser.GetAsync(PreferencesPath);
        Assert.Equal(["field-topic-disaster", "field-topic-waste", "consent-input"], Checked(again));

        var (values, resident, history, events) = await bed.InTenantAsync(Channel, async (db, _) =>
        {
            var resident = await db.Set<Resident>().SingleAsync(r => r.LineUserId == userId);
            var values = await db.Set<ResidentAttributeValue>().Where(v => v.ResidentId == resident.Id)
                .OrderBy(v => v.AttributeKey).ThenBy(v => v.ValueKey).Select(v => v.AttributeKey + "=" + v.ValueKey).ToListAsync();
            var history = await db.Set<ResidentHistoryEntry>().Where(e => e.ResidentId == resident.Id).Select(e => e.Action).ToListAsync();
            var events = await db.OutboxMessages.CountAsync(m => m.MessageType.Contains("ResidentPreferencesChanged") && m.Payload.Contains(resident.Id.ToString()));
            return (values, resident, history, events);
        });
        Assert.Equal(["age=30s", "area=hiraka", "language=ja", "topic=disaster", "topic=waste"], values);
        Assert.Equal(ConsentVersion(form), resident.ConsentVersion);
        Assert.Equal([ResidentHistoryEntry.PreferencesChanged], history);
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task A_resident_whose_language_is_English_reads_the_page_in_English()
    {
        var bed = await fixture.GetAsync();
        var userId = await FollowAsync(bed);
        using var browser = new Browser(bed.App.Address);
        var form = await SignInAsync(browser, await browser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(userId, Channel.ChannelId));

        var saved = await SaveAsync(browser, form, ("attr-language", "en"), ("consent", ConsentVersion(form)));

        Assert.Equal("en", saved.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Your settings have been saved", saved.Body, StringComparison.Ordinal);
        Assert.Equal("Topics", saved.Document.QuerySelector("#field-topic legend")!.TextContent);
    }

    [Fact]
    public async Task Refused_choices_are_explained_in_Japanese_and_nothing_chosen_is_lost_or_saved()
    {
        var bed = await fixture.GetAsync();
        var userId = await FollowAsync(bed);
        using var browser = new Browser(bed.App.Address);
        var form = await SignInAsync(browser, await browser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(userId, Channel.ChannelId));

        var refused = await SaveAsync(browser, form, ("attr-topic", "disaster"), ("attr-topic", "health"), ("attr-area", "tokyo"), ("attr-age", "20s"), ("attr-age", "30s"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var summary = refused.Document.QuerySelector("#errors")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Contains("同意にチェックを入れてください", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("選べない値が含まれていました", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("一つだけ選んでください", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", refused.Document.QuerySelector("#field-area")!.GetAttribute("aria-invalid"));
        Assert.Equal(["field-topic-disaster", "field-topic-health"], Checked(refused));
        Assert.Equal(0, await AttributeValueCountAsync(bed, userId));
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_saves_nothing_and_keeps_the_choices_for_a_second_try()
    {
        var bed = await fixture.GetAsync();
        var userId = await FollowAsync(bed);
        using var browser = new Browser(bed.App.Address);
        var form = await SignInAsync(browser, await browser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(userId, Channel.ChannelId));

        var response = await browser.Client.PostAsync(PreferencesPath, new FormUrlEncodedContent(
            [new("attr-topic", "roads"), new("consent", ConsentVersion(form))]));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("画面の有効期限が切れたため、保存できませんでした", body, StringComparison.Ordinal);
        Assert.Contains("""id="field-topic-roads" name="attr-topic" value="roads" checked""", body, StringComparison.Ordinal);
        Assert.Equal(0, await AttributeValueCountAsync(bed, userId));
    }

    [Fact]
    public async Task A_token_issued_for_another_channel_is_refused_with_a_Japanese_page()
    {
        var bed = await fixture.GetAsync();
        var userId = await FollowAsync(bed);
        using var browser = new Browser(bed.App.Address);

        var refused = await SignInAsync(browser, await browser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(userId, LineTestBed.OtherCityStaging.ChannelId));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("LINE で本人確認ができませんでした", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.SetCookies, c => c.StartsWith(ResidentSessions.CookieName, StringComparison.Ordinal));
        Assert.Equal("liff-session", (await browser.GetAsync(PreferencesPath)).Document.QuerySelector("form")!.Id);
    }

    [Fact]
    public async Task A_missing_or_forged_token_is_refused_with_a_Japanese_page()
    {
        var bed = await fixture.GetAsync();
        using var browser = new Browser(bed.App.Address);
        var signIn = await browser.GetAsync(PreferencesPath);

        var missing = await SignInAsync(browser, signIn, "");
        var forged = await SignInAsync(browser, signIn, "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJVMTIzIn0.c2lnbmF0dXJl");

        Assert.Equal((HttpStatusCode.BadRequest, "ja"), (missing.Status, missing.Document.DocumentElement.GetAttribute("lang")));
        Assert.Contains("LINE の本人確認の情報が届きませんでした", missing.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
    }

    [Fact]
    public async Task A_resident_sees_only_their_own_choices_and_their_session_opens_no_other_environment()
    {
        var bed = await fixture.GetAsync();
        var first = await FollowAsync(bed);
        var second = await FollowAsync(bed);
        using var firstBrowser = new Browser(bed.App.Address);
        var firstForm = await SignInAsync(firstBrowser, await firstBrowser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(first, Channel.ChannelId));
        await SaveAsync(firstBrowser, firstForm, ("attr-topic", "childcare"), ("attr-area", "onoe"), ("consent", ConsentVersion(firstForm)));

        using var secondBrowser = new Browser(bed.App.Address);
        var secondForm = await SignInAsync(secondBrowser, await secondBrowser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(second, Channel.ChannelId));

        Assert.Empty(Checked(secondForm));
        Assert.Equal("", Selected(secondForm, "area"));

        // The session is for hirakawa/staging only: presented to production it signs nobody in.
        var session = firstBrowser.Cookies.GetCookies(new Uri(bed.App.Address, PreferencesPath))[ResidentSessions.CookieName]!;
        Assert.Equal(Channel.ResidentPath("").TrimEnd('/'), session.Path);
        Assert.True(session.HttpOnly);
        var production = new HttpRequestMessage(HttpMethod.Get, LineTestBed.HirakawaProduction.ResidentPath(PreferencesEndpoints.Page));
        production.Headers.Add("Cookie", $"{ResidentSessions.CookieName}={session.Value}");
        var answer = await bed.Server.SendAsync(production);
        Assert.Contains("id=\"liff-session\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_a_Japanese_page()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await LineEmulatorServer.StartAsync(new LineEmulatorOptions { Url = "http://127.0.0.1:0" }, time);
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, emulator: emulator);
        var userId = await bed.CreateLineUserAsync();
        var token = await bed.IssueIdTokenAsync(userId, Channel.ChannelId);
        using var browser = new Browser(bed.App.Address);
        var signIn = await browser.GetAsync(PreferencesPath);

        time.Advance(new LineEmulatorOptions().IdTokenLifetime + TimeSpan.FromMinutes(1));
        var refused = await SignInAsync(browser, signIn, token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("有効期限切れ", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_LINE_user_who_is_not_a_friend_is_asked_to_add_the_account_first()
    {
        var bed = await fixture.GetAsync();
        var stranger = await bed.CreateLineUserAsync();
        using var browser = new Browser(bed.App.Address);

        var page = await SignInAsync(browser, await browser.GetAsync(PreferencesPath), await bed.IssueIdTokenAsync(stranger, Channel.ChannelId));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("友だち追加してから使えます", page.Body, StringComparison.Ordinal);
    }

    private static async Task<string> FollowAsync(LineTestBed bed)
    {
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        return userId;
    }

    /// <summary>What the page's script does once LIFF gave it the token: fills in the sign-in form and submits it.</summary>
    private static Task<BrowserPage> SignInAsync(Browser browser, BrowserPage signInPage, string idToken) =>
        browser.SubmitAsync(signInPage, new Dictionary<string, string> { [ResidentSignIn.TokenField] = idToken });

    private static async Task<BrowserPage> SaveAsync(Browser browser, BrowserPage form, params (string Name, string Value)[] fields)
    {
        var token = form.Document.QuerySelector("form input[name='__RequestVerificationToken']") as IHtmlInputElement;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(token!.Name!, token.Value));
        var response = await browser.Client.PostAsync(PreferencesPath, new FormUrlEncodedContent(values));
        return response.StatusCode == HttpStatusCode.Redirect
            ? await browser.GetAsync(response.Headers.Location!.ToString())
            : new BrowserPage(PreferencesPath, response.StatusCode, await response.Content.ReadAsStringAsync(),
                new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    private static string ConsentVersion(BrowserPage form) => ((IHtmlInputElement)form.Document.QuerySelector("#consent-input")!).Value;

    private static List<string> Checked(BrowserPage page) =>
        page.Document.QuerySelectorAll("input[type=checkbox]").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Id!).ToList();

    private static string Selected(BrowserPage page, string attribute) =>
        ((IHtmlSelectElement)page.Document.QuerySelector($"#field-{attribute}")!).Value ?? "";

    private static string Csp(BrowserPage page) => page.Response.Headers.GetValues("Content-Security-Policy").Single();

    private static Task<int> AttributeValueCountAsync(LineTestBed bed, string userId) => bed.InTenantAsync(Channel, (db, _) =>
        db.Set<ResidentAttributeValue>().CountAsync(v => db.Set<Resident>().Any(r => r.Id == v.ResidentId && r.LineUserId == userId)));
}

public sealed class SqliteResidentPreferencesTests(SqliteTestBed fixture) : ResidentPreferencesTests(fixture), IClassFixture<SqliteTestBed>;

public sealed class PostgresResidentPreferencesTests(PostgresTestBed fixture) : ResidentPreferencesTests(fixture), IClassFixture<PostgresTestBed>;
