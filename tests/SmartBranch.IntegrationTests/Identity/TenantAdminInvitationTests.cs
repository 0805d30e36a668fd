using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Bootstrap;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Identity;

/// <summary>
/// A new city's first admin, invited by an operator from the console's service and by <c>invite-admin</c>,
/// on the real server (no SMTP host configured, so the one-time link comes back to the operator too).
/// </summary>
public abstract partial class TenantAdminInvitationTests(IdentityTestBed fixture)
{
    [Fact]
    public async Task The_first_admin_of_a_new_city_sets_a_password_and_an_authenticator_and_reaches_that_city_only()
    {
        var bed = await fixture.GetAsync();
        var city = await NewCityAsync(bed);
        var operatorAccount = await TestAccounts.CreateOperatorAsync(bed.App.Services);
        var email = Address();

        var invited = await AsAsync(bed, operatorAccount, s => s.InviteAsync(city, new TenantAdminInvitation(email, "黒石 一郎", "総務課"), default));

        Assert.Equal(TenantAdminInvitationOutcome.Invited, invited.Outcome);
        var mail = fixture.Emails.LastTo(email);
        Assert.Equal(LinkIn(mail.TextBody), invited.Link!.ToString());
        var pending = Assert.Single(await AsAsync(bed, operatorAccount, s => s.ListAdminsAsync(city, default)));
        Assert.Equal((email, "黒石 一郎", false), (pending.Email, pending.DisplayName, pending.InvitationAccepted));
        Assert.Equal(["総務課"], pending.Departments);

        using var browser = new Browser(bed.App.Address);
        const string password = "kuroishi-kokeshi-22";
        var accept = await browser.GetAsync(new Uri(invited.Link!.ToString()).PathAndQuery);
        await browser.SubmitAsync(accept, new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = password });
        var setup = await browser.SubmitAsync(await browser.GetAsync($"/portal/{city}/whoami"), new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal("/account/setup-authenticator", setup.Path);
        var (_, done) = await browser.SetUpAuthenticatorAsync(setup);
        var portal = await browser.GetAsync(done.Document.QuerySelector("main a")!.GetAttribute("href")!);
        Assert.Equal((HttpStatusCode.OK, $"/portal/{city}/whoami"), (portal.Status, portal.Path));
        Assert.Contains(StaffRoles.Admin, portal.Body, StringComparison.Ordinal);
        var elsewhere = await browser.GetAsync("/portal/hirakawa/whoami");
        Assert.False(elsewhere.Status == HttpStatusCode.OK && elsewhere.Path == "/portal/hirakawa/whoami", "The admin of one city reached another city's portal.");

        var audited = await AuditEntriesAsync(bed, city, invited.Admin.UserId);
        var entry = Assert.Single(audited);
        Assert.Equal((AuditActorKind.Operator, operatorAccount.UserId), (entry.ActorKind, entry.ActorUserId));
        Assert.Contains("管理者として招待しました（運用コンソールから）", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(email, entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("token", entry.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Inviting_a_pending_address_again_sends_a_new_link_and_the_old_one_no_longer_works()
    {
        var bed = await fixture.GetAsync();
        var city = await NewCityAsync(bed);
        var operatorAccount = await TestAccounts.CreateOperatorAsync(bed.App.Services);
        var email = Address();
        await AsAsync(bed, operatorAccount, s => s.InviteAsync(city, new TenantAdminInvitation(email, "黒石 花子"), default));
        var oldLink = LinkIn(fixture.Emails.LastTo(email).TextBody);

        var again = await AsAsync(bed, operatorAccount, s => s.InviteAsync(city, new TenantAdminInvitation(email, "黒石 花子"), default));

        Assert.Equal(TenantAdminInvitationOutcome.Resent, again.Outcome);
        var newLink = LinkIn(fixture.Emails.LastTo(email).TextBody);
        Assert.NotEqual(oldLink, newLink);
        using var browser = new Browser(bed.App.Address);
        Assert.Contains("無効", (await browser.GetAsync(new Uri(oldLink).PathAndQuery)).Message, StringComparison.Ordinal);
        Assert.Equal("/account/accept-invitation", (await browser.GetAsync(new Uri(newLink).PathAndQuery)).Path);
        Assert.Single(await AsAsync(bed, operatorAccount, s => s.ListAdminsAsync(city, default)));
        Assert.Contains(await AuditEntriesAsync(bed, city, again.Admin.UserId), e => e.Summary!.Contains("以前のリンクは無効", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_active_admin_and_an_unknown_city_are_refused_in_Japanese_and_a_staff_member_is_made_admin()
    {
        var bed = await fixture.GetAsync();
        var operatorAccount = await TestAccounts.CreateOperatorAsync(bed.App.Services);
        var admin = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Staff);

        var active = await Assert.ThrowsAsync<TenantAdminInvitationException>(() =>
            AsAsync(bed, operatorAccount, s => s.InviteAsync("hirakawa", new TenantAdminInvitation(admin.Email, "管理 太郎"), default)));
        var unknown = await Assert.ThrowsAsync<TenantAdminInvitationException>(() =>
            AsAsync(bed, operatorAccount, s => s.InviteAsync("nowhere", new TenantAdminInvitation(Address(), "誰か"), default)));
        var promoted = await AsAsync(bed, operatorAccount, s => s.InviteAsync("hirakawa", new TenantAdminInvitation(staff.Email, "職員 次郎"), default));

        Assert.Equal((TenantAdminInvitationField.Email, "このメールアドレスの方はすでに平川市の管理者です。招待し直す必要はありません。"), (active.Field, active.Message));
        Assert.Equal("自治体「nowhere」が見つかりません。", unknown.Message);
        Assert.Equal((TenantAdminInvitationOutcome.Added, null), (promoted.Outcome, promoted.Link));
        Assert.Equal([StaffRoles.Staff, StaffRoles.Admin], promoted.Admin.Roles);
        Assert.Contains("いつものアカウントでサインイン", fixture.Emails.LastTo(staff.Email).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_operator_may_list_or_invite_a_citys_admins()
    {
        var bed = await fixture.GetAsync();
        var cityAdmin = await StaffAccounts.CreateAsync(bed, "hirakawa", StaffRoles.Admin);
        var email = Address();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            AsAsync(bed, cityAdmin, s => s.InviteAsync("hirakawa", new TenantAdminInvitation(email, "不正 招待"), default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(bed, cityAdmin, s => s.ListAdminsAsync("hirakawa", default)));

        Assert.DoesNotContain(fixture.Emails.Sent, e => e.To == email);
    }

    [Fact]
    public async Task The_command_exits_with_2_on_wrong_arguments_1_on_a_refusal_and_0_with_the_link_printed_without_SMTP()
    {
        var bed = await fixture.GetAsync();
        var city = await NewCityAsync(bed);
        var email = Address();

        var (usage, usageOutput) = await RunCommandAsync(bed, "invite-admin", "--tenant", city);
        var (badAddress, badAddressOutput) = await RunCommandAsync(bed, "invite-admin", "--tenant", city, "--email", "kanri@@example");
        var (unknown, unknownOutput) = await RunCommandAsync(bed, "invite-admin", "--tenant", "nowhere", "--email", email);
        var (invited, invitedOutput) = await RunCommandAsync(bed, "invite-admin", "--tenant", city, "--email", email, "--name", "黒石 三郎");

        Assert.Equal((2, "使い方: invite-admin --tenant SLUG --email ADDRESS [--name NAME]"), (usage, usageOutput.Trim()));
        Assert.Equal(2, badAddress);
        Assert.Contains("メールアドレスの形式が正しくありません", badAddressOutput, StringComparison.Ordinal);
        Assert.Equal((1, "自治体「nowhere」が見つかりません。"), (unknown, unknownOutput.Trim()));
        Assert.Equal(0, invited);
        Assert.Contains("管理者として招待し、招待メールを送りました。", invitedOutput, StringComparison.Ordinal);
        Assert.Contains(LinkIn(fixture.Emails.LastTo(email).TextBody), invitedOutput, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditEntriesAsync(bed, city, null));
        Assert.Equal(AuditActorKind.System, entry.ActorKind);
        Assert.Contains("コマンド invite-admin から", entry.Summary, StringComparison.Ordinal);

        using var browser = new Browser(bed.App.Address);
        var accept = await browser.GetAsync(new Uri(LinkIn(fixture.Emails.LastTo(email).TextBody)).PathAndQuery);
        await browser.SubmitAsync(accept, new Dictionary<string, string> { ["Password"] = "kuroishi-kokeshi-22", ["ConfirmPassword"] = "kuroishi-kokeshi-22" });

        var (refused, refusedOutput) = await RunCommandAsync(bed, "invite-admin", "--tenant", city, "--email", email);
        Assert.Equal(1, refused);
        Assert.Contains("すでに", refusedOutput, StringComparison.Ordinal);
    }

    private static async Task<string> NewCityAsync(LineTestBed bed)
    {
        var slug = $"new-{Guid.NewGuid():N}"[..12];
        await using var scope = bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ITenantAdministration>()
            .CreateAsync(new NewTenant(slug, "黒石市", "Kuroishi City", ["production", "staging"]), default);
        return slug;
    }

    private static string Address() => $"kanri-{Guid.NewGuid():N}@city.example.jp";

    private static async Task<T> AsAsync<T>(LineTestBed bed, TestAccount account, Func<ITenantAdminInvitations, Task<T>> action)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, account.UserId)], "Test"));
        await scope.ServiceProvider.GetRequiredService<ICurrentStaffLoader>().LoadAsync(signedIn, CancellationToken.None);
        return await action(scope.ServiceProvider.GetRequiredService<ITenantAdminInvitations>());
    }

    private static async Task<(int ExitCode, string Output)> RunCommandAsync(LineTestBed bed, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await InviteAdminCommand.RunAsync(bed.App.Services, args, output);
        return (exitCode, output.ToString());
    }

    /// <summary>The tenant's admin invitations in its own audit chain, for one invitee or all.</summary>
    private static async Task<List<AuditEntry>> AuditEntriesAsync(LineTestBed bed, string tenant, string? targetId)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Chain == AuditChains.For(tenant) && e.TenantSlug == tenant && e.Action == "staff.admin_invited" && (targetId == null || e.TargetId == targetId))
            .ToListAsync();
    }

    private static string LinkIn(string emailBody) => LinkPattern().Match(emailBody).Value;

    [GeneratedRegex(@"https?://\S+accept-invitation\S+")]
    private static partial Regex LinkPattern();
}

public sealed class SqliteTenantAdminInvitationTests(SqliteIdentityTestBed fixture) : TenantAdminInvitationTests(fixture), IClassFixture<SqliteIdentityTestBed>;

public sealed class PostgresTenantAdminInvitationTests(PostgresIdentityTestBed fixture) : TenantAdminInvitationTests(fixture), IClassFixture<PostgresIdentityTestBed>;
