using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SmartBranch.Identity.Accounts;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>Ends both sessions: the portal's and the sign-in pages' (so the portal cannot silently sign in again).</summary>
internal sealed class SignOutModel(SignInManager<StaffAccount> signIn) : AccountPageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SmartBranchAuthentication.Portal);
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn", new { signedOut = true });
    }
}
