using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>Where a sign-in without a destination lands: who is signed in and which portals they may open.</summary>
[Authorize(AuthenticationSchemes = SmartBranchAuthentication.Account)]
internal sealed class IndexModel(UserManager<StaffAccount> users, SmartBranchDbContext db) : AccountPageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> TenantSlugs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("SignIn");
        }

        if (User.MustSetUpTwoFactor())
        {
            return RedirectToPage("SetupAuthenticator");
        }

        DisplayName = account.DisplayName;
        TenantSlugs = await db.Set<TenantMembership>()
            .Where(m => m.UserId == account.Id && !m.IsDisabled)
            .OrderBy(m => m.TenantSlug)
            .Select(m => m.TenantSlug)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
