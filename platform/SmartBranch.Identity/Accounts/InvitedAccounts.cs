using Microsoft.AspNetCore.Identity;

namespace SmartBranch.Identity.Accounts;

/// <summary>The account an invitation creates. It has no password: the invitee sets one from the e-mailed link.</summary>
internal static class InvitedAccounts
{
    /// <returns>The account, or null and why it could not be created (Identity's reasons, in Japanese).</returns>
    public static async Task<(StaffAccount? Account, string? Problem)> CreateAsync(
        UserManager<StaffAccount> users, string email, string displayName, DateTimeOffset now)
    {
        var account = new StaffAccount { UserName = email, Email = email, DisplayName = displayName, CreatedAt = now };
        var result = await users.CreateAsync(account);
        return result.Succeeded
            ? (account, null)
            : (null, "アカウントを作成できませんでした: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
