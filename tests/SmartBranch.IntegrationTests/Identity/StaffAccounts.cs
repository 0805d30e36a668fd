using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Accounts;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.IntegrationTests.Identity;

internal sealed record TestStaff(string UserId, string Email, string Password);

/// <summary>Accounts made directly in the database, for tests about what happens after an invitation.</summary>
internal static class StaffAccounts
{
    public const string Password = "kasumi-ringo-2026";

    public static async Task<TestStaff> CreateAsync(LineTestBed bed, string tenant, params string[] roles)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.jp";
        await using var scope = bed.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = new StaffAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "テスト 職員" };
        var result = await users.CreateAsync(account, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        db.Set<TenantMembership>().Add(new TenantMembership
        {
            UserId = account.Id,
            TenantSlug = tenant,
            Roles = [.. roles],
            InvitedAt = DateTimeOffset.UtcNow,
            AcceptedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return new TestStaff(account.Id, email, Password);
    }

    public static async Task<BrowserPage> SignInAsync(this Browser browser, TestStaff staff, string? password = null, string start = "/account/signin")
    {
        var page = await browser.GetAsync(start);
        Assert.Equal("/account/signin", page.Path);
        return await browser.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = staff.Email, ["Password"] = password ?? staff.Password });
    }

    /// <summary>On the setup page: reads the shared key, answers with a code, and returns the key and the recovery codes page.</summary>
    public static async Task<(string Key, BrowserPage Page)> SetUpAuthenticatorAsync(this Browser browser, BrowserPage setup)
    {
        Assert.Equal("/account/setup-authenticator", setup.Path);
        Assert.NotNull(setup.Document.QuerySelector(".qr svg"));
        var key = setup.Document.QuerySelector("#shared-key")!.TextContent.Trim();
        var done = await browser.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        return (key, done);
    }

    public static IReadOnlyList<string> RecoveryCodes(this BrowserPage page) =>
        page.Document.QuerySelectorAll(".codes code").Select(c => c.TextContent.Trim()).ToList();
}
