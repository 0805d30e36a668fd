using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.TestSupport;

/// <param name="AuthenticatorKey">The authenticator app's shared key, when two-factor sign-in is set up.</param>
public sealed record TestAccount(string UserId, string Email, string Password, string DisplayName, string? AuthenticatorKey);

/// <summary>
/// Real accounts made directly in the server's database, as an invitation (or <c>create-operator</c>) and a
/// first sign-in would have left them, for tests about what staff do once they have an account.
/// </summary>
public static class TestAccounts
{
    public const string Password = "kasumi-ringo-2026";

    /// <summary>A member of <paramref name="tenant"/> with <paramref name="roles"/>.</summary>
    /// <param name="withAuthenticator">Two-factor sign-in set up already (admins must have it before they reach the portal).</param>
    public static async Task<TestAccount> CreateMemberAsync(
        IServiceProvider services, string tenant, IReadOnlyList<string> roles, bool withAuthenticator = false, string displayName = "テスト 職員")
    {
        await using var scope = services.CreateAsyncScope();
        var (account, key) = await CreateAccountAsync(scope.ServiceProvider, displayName, withAuthenticator);
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
        return new TestAccount(account.Id, account.Email!, Password, displayName, key);
    }

    /// <summary>An operator of the vendor with an authenticator app, as <c>create-operator</c> and the first sign-in leave one.</summary>
    public static async Task<TestAccount> CreateOperatorAsync(IServiceProvider services, string displayName = "運用 担当")
    {
        await using var scope = services.CreateAsyncScope();
        var (account, key) = await CreateAccountAsync(scope.ServiceProvider, displayName, withAuthenticator: true);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(StaffRoles.Operator))
        {
            Require(await roles.CreateAsync(new IdentityRole(StaffRoles.Operator)));
        }

        Require(await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().AddToRoleAsync(account, StaffRoles.Operator));
        return new TestAccount(account.Id, account.Email!, Password, displayName, key);
    }

    /// <summary>
    /// Signs in on the sign-in page (reached from <paramref name="start"/>) with the password and, when the
    /// account has an authenticator, the current code; returns the page the browser lands on.
    /// </summary>
    public static async Task<BrowserPage> SignInAsync(this Browser browser, TestAccount account, string start = "/account/signin")
    {
        var signIn = await browser.GetAsync(start);
        if (signIn.Path != "/account/signin")
        {
            throw new InvalidOperationException($"{start} led to {signIn.Url}, not to the sign-in page.");
        }

        var next = await browser.SubmitAsync(signIn, new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });
        return next.Path == "/account/two-factor" && account.AuthenticatorKey is { } key
            ? await browser.SubmitAsync(next, new Dictionary<string, string> { ["Code"] = Totp.Code(key) })
            : next;
    }

    private static async Task<(StaffAccount Account, string? AuthenticatorKey)> CreateAccountAsync(IServiceProvider services, string displayName, bool withAuthenticator)
    {
        var users = services.GetRequiredService<UserManager<StaffAccount>>();
        var email = $"staff-{Guid.NewGuid():N}@example.jp";
        var account = new StaffAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
        Require(await users.CreateAsync(account, Password));
        if (!withAuthenticator)
        {
            return (account, null);
        }

        Require(await users.ResetAuthenticatorKeyAsync(account));
        Require(await users.SetTwoFactorEnabledAsync(account, true));
        return (account, await users.GetAuthenticatorKeyAsync(account));
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
