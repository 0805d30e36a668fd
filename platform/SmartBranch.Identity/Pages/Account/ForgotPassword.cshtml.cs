using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Email;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>Sends a reset link to a registered address; answers the same either way, so addresses cannot be probed.</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class ForgotPasswordModel(UserManager<StaffAccount> users, SignInRules rules, StaffEmails emails) : AccountPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (account is not null && await users.HasPasswordAsync(account) && await rules.MaySignInAsync(account, cancellationToken))
        {
            await emails.SendPasswordResetAsync(account, cancellationToken);
        }

        Sent = true;
        Message = Text["ForgotSent"];
        return Page();
    }
}
