using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartBranch.Identity.Accounts;

/// <summary>
/// Invitation links live longer than password resets. Like every data-protection token it embeds
/// the security stamp, so setting the password makes the link useless.
/// </summary>
internal sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider, IOptions<SmartBranchIdentityOptions> options, ILogger<DataProtectorTokenProvider<StaffAccount>> logger)
    : DataProtectorTokenProvider<StaffAccount>(
        dataProtectionProvider,
        Microsoft.Extensions.Options.Options.Create(new DataProtectionTokenProviderOptions { Name = ProviderName, TokenLifespan = options.Value.InvitationLifetime }),
        logger)
{
    public const string ProviderName = "Invitation";

    public const string Purpose = "accept-invitation";
}
