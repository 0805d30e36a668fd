using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.EndToEndTests.Staff;

/// <summary>
/// Issue #5 in a browser: operators and city staff sign in for real (authenticator codes included) and
/// meet the console, the portal and their permissions as a person would.
/// </summary>
public sealed partial class StaffIdentityTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    [Fact]
    public async Task An_operator_signs_in_with_a_code_creates_a_tenant_and_sees_its_webhook_urls()
    {
        await bed.StartAsync();
        var slug = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var page = await bed.SignInAsync(await TestAccounts.CreateOperatorAsync(bed.Services));

        await StaffTestBed.OpenInteractiveAsync(page, "/ops/create-tenant");
        await page.GetByLabel("スラッグ").FillAsync(slug);
        await page.GetByLabel("名称（日本語）").FillAsync("テスト市");
        await page.GetByLabel("名称（英語）").FillAsync("Test City");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "「テスト市」を作成しました" })).ToBeVisibleAsync();
        var webhookUrls = await page.Locator(".webhook-url input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        Assert.Contains(webhookUrls, url => url.EndsWith($"/line/{slug}/production/webhook", StringComparison.Ordinal));
        Assert.Contains(webhookUrls, url => url.EndsWith($"/line/{slug}/staging/webhook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_admin_signs_in_with_a_code_and_invites_a_staff_member_who_receives_a_working_link()
    {
        await bed.StartAsync();
        var admin = await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, "平川 管理者");
        var invitee = $"new-staff-{Guid.NewGuid():N}@example.jp";
        var page = await bed.SignInAsync(admin);

        await StaffTestBed.OpenInteractiveAsync(page, "/portal/hirakawa/staff");
        await page.Locator("#invite-email").FillAsync(invitee);
        await page.Locator("#invite-name").FillAsync("新任 職員");
        await page.GetByRole(AriaRole.Button, new() { Name = "招待する" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(invitee);
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "新任 職員" })).ToBeVisibleAsync();
        var email = bed.Emails.LastTo(invitee);
        var link = new Uri(InvitationLink().Match(email.TextBody).Value);

        var invited = await page.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = bed.Server.Address.ToString(), Locale = "ja-JP" });
        await invited.GotoAsync(link.PathAndQuery);
        await invited.Locator("#password").FillAsync("aomori-ringo-2026");
        await invited.Locator("#confirm").FillAsync("aomori-ringo-2026");
        await invited.GetByRole(AriaRole.Button).ClickAsync();
        await invited.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
    }

    [Fact]
    public async Task A_viewer_is_refused_staff_management_and_is_never_offered_it()
    {
        await bed.StartAsync();
        var page = await bed.SignInAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Viewer], displayName: "平川 閲覧者"));

        await page.GotoAsync("/portal/hirakawa");
        Assert.Equal(0, await page.Locator("a[href='/portal/hirakawa/staff']").CountAsync());

        var staff = await page.GotoAsync("/portal/hirakawa/staff");
        Assert.Equal(403, staff!.Status);
        Assert.EndsWith("/account/access-denied", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "招待する" }).CountAsync());
    }

    [Fact]
    public async Task An_operator_opens_resident_data_only_under_an_emergency_grant_and_the_access_is_audited()
    {
        await bed.StartAsync();
        var resident = await AddResidentAsync("青森 太郎");
        var @operator = await TestAccounts.CreateOperatorAsync(bed.Services, "緊急 対応者");
        var page = await bed.SignInAsync(@operator);

        var refused = await page.GotoAsync("/portal/hirakawa/residents");
        Assert.Equal(403, refused!.Status);
        Assert.Equal(0, await page.GetByText(resident).CountAsync());

        await PersonalDataAccess.DeclareEmergencyAsync(bed.Services, @operator, "hirakawa", "住民からの問い合わせ調査");
        await page.GotoAsync("/portal/hirakawa/residents");

        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = resident })).ToContainTextAsync("友だち");
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "production");
        var views = await scope.ServiceProvider.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(ActorUserId: @operator.UserId, Action: "residents.list.viewed"), 1, 50, CancellationToken.None);
        var view = Assert.Single(views.Entries);
        Assert.Equal("緊急 対応者", view.ActorDisplayName);
        Assert.True(view.TouchesPersonalData);
    }

    private async Task<string> AddResidentAsync(string displayName)
    {
        var name = $"{displayName} {Guid.NewGuid().ToString("N")[..6]}";
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "production");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var resident = Resident.Follow("U" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
        resident.UpdateProfile(name, "ja", DateTimeOffset.UtcNow);
        db.Add(resident);
        await db.SaveChangesAsync();
        return name;
    }

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?\S+")]
    private static partial Regex InvitationLink();
}
