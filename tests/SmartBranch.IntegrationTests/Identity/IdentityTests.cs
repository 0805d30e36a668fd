using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SmartBranch.Identity.OpenId;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Identity;

/// <summary>Staff sign-in, the portal's OpenID Connect flow, API clients and the staff directory, on the real server.</summary>
public abstract partial class IdentityTests(IdentityTestBed fixture)
{
    [Fact]
    public async Task An_admin_sets_up_the_authenticator_at_first_sign_in_and_then_signs_in_with_password_and_code()
    {
        var bed = await fixture.GetAsync();
        var admin = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Admin);
        using var browser = new Browser(bed.App.Address);

        var setup = await browser.SignInAsync(admin);
        Assert.Contains("2段階認証が必須", setup.Text, StringComparison.Ordinal);
        var (key, done) = await browser.SetUpAuthenticatorAsync(setup);
        Assert.Equal(10, done.RecoveryCodes().Count);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.two_factor_enabled" && r.TargetId == admin.UserId);

        using var next = new Browser(bed.App.Address);
        var twoFactor = await next.SignInAsync(admin);
        Assert.Equal("/account/two-factor", twoFactor.Path);
        var home = await next.SubmitAsync(twoFactor, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });

        Assert.Equal("/account", home.Path);
        Assert.Contains("テスト 職員", home.Text, StringComparison.Ordinal);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.signed_in" && r.TargetId == admin.UserId);
    }

    [Fact]
    public async Task A_wrong_code_is_refused()
    {
        var bed = await fixture.GetAsync();
        var admin = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Admin);
        using var browser = new Browser(bed.App.Address);
        await browser.SetUpAuthenticatorAsync(await browser.SignInAsync(admin));

        using var next = new Browser(bed.App.Address);
        var refused = await next.SubmitAsync(await next.SignInAsync(admin), new Dictionary<string, string> { ["Code"] = "000000" });

        Assert.Equal("/account/two-factor", refused.Path);
        Assert.Equal("確認コードが正しくありません。", refused.Message);
    }

    [Fact]
    public async Task Five_failed_passwords_lock_the_account_even_against_the_right_one()
    {
        var bed = await fixture.GetAsync();
        var staff = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Staff);
        using var browser = new Browser(bed.App.Address);

        BrowserPage page = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            page = await browser.SignInAsync(staff with { Password = $"wrong-password-{attempt}" });
        }

        Assert.Contains("ロック", page.Message, StringComparison.Ordinal);
        var withRightPassword = await browser.SignInAsync(staff);
        Assert.Equal("/account/signin", withRightPassword.Path);
        Assert.Contains("ロック", withRightPassword.Message, StringComparison.Ordinal);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.locked_out" && r.TargetId == staff.UserId);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.sign_in_failed" && r.TargetId == staff.UserId);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var bed = await fixture.GetAsync();
        var admin = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Admin);
        using var browser = new Browser(bed.App.Address);
        var (_, done) = await browser.SetUpAuthenticatorAsync(await browser.SignInAsync(admin));
        var code = done.RecoveryCodes()[0];

        using var first = new Browser(bed.App.Address);
        await first.SignInAsync(admin);
        var home = await first.SubmitAsync(await first.GetAsync("/account/recovery-code"), new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/account", home.Path);

        using var second = new Browser(bed.App.Address);
        await second.SignInAsync(admin);
        var refused = await second.SubmitAsync(await second.GetAsync("/account/recovery-code"), new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/account/recovery-code", refused.Path);
        Assert.Contains("すでに使われています", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_person_accepts_sets_a_password_and_signs_in()
    {
        var bed = await fixture.GetAsync();
        var email = $"invitee-{Guid.NewGuid():N}@example.jp";
        var member = await DirectoryAsync(bed, d => d.InviteAsync("hirakawa", new StaffInvitation(email, "平川 花子", [StaffRoles.Viewer], ["企画課"]), default));
        Assert.False(member.InvitationAccepted);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.invited" && r.TargetId == member.UserId);

        using var browser = new Browser(bed.App.Address);
        var accept = await browser.GetAsync(LinkIn(fixture.Emails.LastTo(email).TextBody));
        Assert.Equal("/account/accept-invitation", accept.Path);
        var weak = await browser.SubmitAsync(accept, new Dictionary<string, string> { ["Password"] = "password1234", ["ConfirmPassword"] = "password1234" });
        Assert.Contains("推測されやすい", weak.Message, StringComparison.Ordinal);
        var signIn = await browser.SubmitAsync(weak, new Dictionary<string, string> { ["Password"] = "tsugaru-shamisen-77", ["ConfirmPassword"] = "tsugaru-shamisen-77" });
        Assert.Equal("/account/signin", signIn.Path);

        var home = await browser.SubmitAsync(signIn, new Dictionary<string, string> { ["Email"] = email, ["Password"] = "tsugaru-shamisen-77" });
        Assert.Equal("/account", home.Path);
        var listed = Assert.Single(await DirectoryAsync(bed, d => d.ListAsync("hirakawa", default)), m => m.UserId == member.UserId);
        Assert.True(listed.InvitationAccepted);
        Assert.Equal(["企画課"], listed.Departments);

        var reused = await browser.GetAsync(LinkIn(fixture.Emails.LastTo(email).TextBody));
        Assert.Contains("無効", reused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var bed = await fixture.GetAsync();
        var staff = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Staff);
        using var browser = new Browser(bed.App.Address);

        var sent = await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = staff.Email });
        Assert.Contains("メールを送りました", sent.Message, StringComparison.Ordinal);
        var reset = await browser.GetAsync(LinkIn(fixture.Emails.LastTo(staff.Email).TextBody));
        await browser.SubmitAsync(reset, new Dictionary<string, string> { ["Password"] = "iwaki-san-no-yuki", ["ConfirmPassword"] = "iwaki-san-no-yuki" });

        var home = await browser.SignInAsync(staff with { Password = "iwaki-san-no-yuki" });
        Assert.Equal("/account", home.Path);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_disabled_nor_demoted()
    {
        var bed = await fixture.GetAsync();
        var admin = await StaffAccounts.CreateAsync(bed, "othercity", StaffRoles.Admin);

        var disable = await Assert.ThrowsAsync<StaffDirectoryException>(() => DirectoryAsync(bed, d => d.SetDisabledAsync("othercity", admin.UserId, true, default)));
        var demote = await Assert.ThrowsAsync<StaffDirectoryException>(() => DirectoryAsync(bed, d => d.UpdateAsync("othercity", admin.UserId, [StaffRoles.Staff], [], default)));
        Assert.Contains("最後の管理者", disable.Message, StringComparison.Ordinal);
        Assert.Contains("最後の管理者", demote.Message, StringComparison.Ordinal);

        var second = await StaffAccounts.CreateAsync(bed, "othercity", StaffRoles.Admin);
        var demoted = await DirectoryAsync(bed, d => d.UpdateAsync("othercity", admin.UserId, [StaffRoles.Staff], ["総務課"], default));
        Assert.Equal([StaffRoles.Staff], demoted.Roles);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.roles_changed" && r.TargetId == admin.UserId);
        await Assert.ThrowsAsync<StaffDirectoryException>(() => DirectoryAsync(bed, d => d.SetDisabledAsync("othercity", second.UserId, true, default)));
    }

    [Fact]
    public async Task A_disabled_member_cannot_sign_in()
    {
        var bed = await fixture.GetAsync();
        var staff = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Staff);
        await DirectoryAsync(bed, d => d.SetDisabledAsync("hirakawa", staff.UserId, true, default));
        Assert.Contains(fixture.Audit.Records, r => r.Action == "staff.disabled" && r.TargetId == staff.UserId);
        using var browser = new Browser(bed.App.Address);

        var refused = await browser.SignInAsync(staff);

        Assert.Equal("/account/signin", refused.Path);
        Assert.Contains("サインインできません", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_page_sends_staff_through_the_code_flow_with_PKCE_and_back_with_the_portal_cookie()
    {
        var bed = await fixture.GetAsync();
        var staff = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Staff);
        using var browser = new Browser(bed.App.Address);

        var signIn = await browser.GetAsync("/portal/hirakawa/whoami");
        Assert.Equal("/account/signin", signIn.Path);
        var authorize = browser.Visited.Single(u => u.Contains("/connect/authorize", StringComparison.Ordinal) && u.Contains("client_id", StringComparison.Ordinal));
        Assert.Contains("code_challenge_method=S256", authorize, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize, StringComparison.Ordinal);

        var portal = await browser.SubmitAsync(signIn, new Dictionary<string, string> { ["Email"] = staff.Email, ["Password"] = staff.Password });

        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Equal("/portal/hirakawa/whoami", portal.Path);
        var me = JsonNode.Parse(portal.Body)!;
        Assert.Equal(staff.UserId, me["userId"]!.GetValue<string>());
        Assert.Equal([StaffRoles.Staff], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var portalCookie = Assert.Single(browser.SetCookies, c => c.StartsWith("__SmartBranch.Portal=", StringComparison.Ordinal));
        Assert.Contains("httponly", portalCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", portalCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_admin_without_an_authenticator_is_sent_to_set_one_up_before_reaching_the_portal()
    {
        var bed = await fixture.GetAsync();
        var admin = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Admin);
        using var browser = new Browser(bed.App.Address);

        var setup = await browser.SubmitAsync(await browser.GetAsync("/portal/hirakawa/whoami"), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        Assert.Equal("/account/setup-authenticator", setup.Path);
        var (_, done) = await browser.SetUpAuthenticatorAsync(setup);
        var portal = await browser.GetAsync(done.Document.QuerySelector("main a")!.GetAttribute("href")!);

        Assert.Equal("/portal/hirakawa/whoami", portal.Path);
        Assert.Contains(StaffRoles.Admin, portal.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_system_gets_a_token_with_its_client_secret_and_calls_the_API_and_a_wrong_secret_gets_none()
    {
        var bed = await fixture.GetAsync();
        var client = await ApiClientAsync(bed, "hirakawa");
        using var http = new HttpClient { BaseAddress = bed.App.Address };

        var token = await http.PostAsync("/connect/token", TokenRequest(client.ClientId, client.ClientSecret));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        using var call = new HttpRequestMessage(HttpMethod.Get, "/api/hirakawa/whoami") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };
        var whoami = await http.SendAsync(call);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var body = (await whoami.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((client.ClientId, "hirakawa"), (body["clientId"]!.GetValue<string>(), body["tenant"]!.GetValue<string>()));

        var wrong = await http.PostAsync("/connect/token", TokenRequest(client.ClientId, client.ClientSecret + "x"));
        Assert.True(wrong.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{wrong.StatusCode}");
        Assert.Contains("invalid_client", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/hirakawa/whoami")).StatusCode);
    }

    [Fact]
    public async Task A_tenants_API_clients_are_listed_with_their_scopes_and_a_revoked_one_gets_no_more_tokens()
    {
        var bed = await fixture.GetAsync();
        await using var scope = bed.App.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<IApiClients>();
        var disasterSystem = await clients.RegisterAsync("hirakawa", "防災システム（一覧）", [ApiScopes.DisasterMode], default);
        var other = await clients.RegisterAsync("othercity", "他市のシステム", default);
        using var http = new HttpClient { BaseAddress = bed.App.Address };

        var listed = await clients.ListAsync("hirakawa", default);
        await Assert.ThrowsAsync<ArgumentException>(() => clients.RevokeAsync("hirakawa", other.ClientId, default));
        await clients.RevokeAsync("hirakawa", disasterSystem.ClientId, default);
        var refused = await http.PostAsync("/connect/token", TokenRequest(disasterSystem.ClientId, disasterSystem.ClientSecret));

        Assert.Contains(new ApiClientSummary(disasterSystem.ClientId, "防災システム（一覧）", [ApiScopes.DisasterMode]), listed, new SummaryComparer());
        Assert.DoesNotContain(listed, c => c.ClientId == other.ClientId);
        Assert.DoesNotContain(await clients.ListAsync("hirakawa", default), c => c.ClientId == disasterSystem.ClientId);
        Assert.Contains(await clients.ListAsync("othercity", default), c => c.ClientId == other.ClientId);
        Assert.Contains("invalid_client", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(fixture.Audit.Records, r => r.Action == "api_client.revoked" && r.TargetId == disasterSystem.ClientId);
    }

    private sealed class SummaryComparer : IEqualityComparer<ApiClientSummary>
    {
        public bool Equals(ApiClientSummary? x, ApiClientSummary? y) =>
            x is not null && y is not null && (x.ClientId, x.DisplayName) == (y.ClientId, y.DisplayName) && x.Scopes.SequenceEqual(y.Scopes);

        public int GetHashCode(ApiClientSummary obj) => obj.ClientId.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_with_an_allowlist_refuses_its_portal_and_API_from_other_networks()
    {
        var bed = await fixture.GetAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bed.App.Address };

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/portal/othercity/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/othercity/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await http.GetAsync("/portal/hirakawa/whoami")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_pages_carry_the_security_headers_and_an_anti_forgery_token()
    {
        var bed = await fixture.GetAsync();
        using var browser = new Browser(bed.App.Address);

        var page = await browser.GetAsync("/account/signin");

        var headers = page.Response.Headers;
        Assert.Contains("frame-ancestors 'none'", headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.NotNull(page.Document.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(page.Document.QuerySelector("label[for=email]"));
        Assert.Equal("ja", page.Document.DocumentElement.GetAttribute("lang"));

        var english = await browser.GetAsync("/account/language?lang=en&returnUrl=%2Faccount%2Fsignin");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign in", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_password_token_code_or_secret_reaches_the_logs()
    {
        var bed = await fixture.GetAsync();
        var email = $"logged-{Guid.NewGuid():N}@example.jp";
        const string password = "hirosaki-castle-sakura";
        await DirectoryAsync(bed, d => d.InviteAsync("hirakawa", new StaffInvitation(email, "記録 確認", [StaffRoles.Admin], []), default));
        var link = LinkIn(fixture.Emails.LastTo(email).TextBody);
        using var browser = new Browser(bed.App.Address);
        var signIn = await browser.SubmitAsync(await browser.GetAsync(link), new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = password });
        var setup = await browser.SubmitAsync(await browser.GetAsync("/portal/hirakawa/whoami"), new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        var (key, done) = await browser.SetUpAuthenticatorAsync(setup);
        var portal = await browser.GetAsync(done.Document.QuerySelector("main a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        var client = await ApiClientAsync(bed, "hirakawa");
        using var http = new HttpClient { BaseAddress = bed.App.Address };
        var accessToken = (await (await http.PostAsync("/connect/token", TokenRequest(client.ClientId, client.ClientSecret))).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();

        var code = browser.Visited.Select(u => Regex.Match(u, "[?&]code=([^&]+)")).Single(m => m.Success).Groups[1].Value;
        var invitationToken = Regex.Match(link, "token=([^&]+)").Groups[1].Value;
        var secrets = new[] { password, Uri.UnescapeDataString(invitationToken), invitationToken, key, Uri.UnescapeDataString(code), client.ClientSecret, accessToken };
        var logs = string.Join("\n", bed.Logs.Lines);
        Assert.NotEmpty(logs);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.Ordinal));
        Assert.DoesNotContain(email, string.Join("\n", fixture.Audit.Records.Select(r => $"{r.TargetId} {r.Summary}")), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent TokenRequest(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = "smartbranch.api",
    });

    private static string LinkIn(string emailBody) => new Uri(LinkPattern().Match(emailBody).Value).PathAndQuery;

    private static async Task<T> DirectoryAsync<T>(LineTestBed bed, Func<IStaffDirectory, Task<T>> action)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IStaffDirectory>());
    }

    private static async Task<ApiClientCredentials> ApiClientAsync(LineTestBed bed, string tenant)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IApiClients>().RegisterAsync(tenant, "基幹システム連携", default);
    }

    [Fact]
    public async Task Tokens_no_longer_valid_are_pruned_after_two_weeks_and_valid_ones_are_kept()
    {
        var bed = await fixture.GetAsync();
        await using var scope = bed.App.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var now = DateTimeOffset.UtcNow;
        async Task<string> CreateAsync(DateTimeOffset created, DateTimeOffset expires, string status) =>
            (await tokens.GetIdAsync(await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                CreationDate = created,
                ExpirationDate = expires,
                Status = status,
                Subject = "pruning-test",
                Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
            })))!;
        var expiredLongAgo = await CreateAsync(now.AddDays(-30), now.AddDays(-29), OpenIddictConstants.Statuses.Valid);
        var revokedLongAgo = await CreateAsync(now.AddDays(-20), now.AddDays(10), OpenIddictConstants.Statuses.Revoked);
        var expiredYesterday = await CreateAsync(now.AddDays(-2), now.AddDays(-1), OpenIddictConstants.Statuses.Valid);
        var stillValid = await CreateAsync(now.AddDays(-20), now.AddDays(10), OpenIddictConstants.Statuses.Valid);

        await bed.App.Services.GetRequiredService<OpenIdTokenPruning>().PruneAsync(default);

        await using var after = bed.App.Services.CreateAsyncScope();
        var remaining = after.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        Assert.Null(await remaining.FindByIdAsync(expiredLongAgo));
        Assert.Null(await remaining.FindByIdAsync(revokedLongAgo));
        Assert.NotNull(await remaining.FindByIdAsync(expiredYesterday));
        Assert.NotNull(await remaining.FindByIdAsync(stillValid));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class SqliteIdentityTests(SqliteIdentityTestBed fixture) : IdentityTests(fixture), IClassFixture<SqliteIdentityTestBed>;

public sealed class PostgresIdentityTests(PostgresIdentityTestBed fixture) : IdentityTests(fixture), IClassFixture<PostgresIdentityTestBed>;

public sealed class SignInRateLimitTests(RateLimitedIdentityTestBed fixture) : IClassFixture<RateLimitedIdentityTestBed>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_per_address_get_429()
    {
        var bed = await fixture.GetAsync();
        using var browser = new Browser(bed.App.Address);
        var staff = new TestAccount("none", "nobody@example.jp", "not-the-password-at-all", "誰でもない", AuthenticatorKey: null);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await browser.SignInAsync(staff)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
