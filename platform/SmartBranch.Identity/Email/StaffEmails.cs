using Microsoft.AspNetCore.Identity;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Email;

/// <summary>The e-mails staff receive, in Japanese with an English line.</summary>
internal sealed class StaffEmails(UserManager<StaffAccount> users, AccountLinks links, IStaffEmailSender sender)
{
    /// <summary>Sends the invitation; returns the link it carries (the sign-in page for an account that has a password).</summary>
    public async Task<Uri> SendInvitationAsync(StaffAccount account, TenantDefinition tenant, bool hasPassword, CancellationToken cancellationToken)
    {
        string body;
        Uri link;
        if (hasPassword)
        {
            link = links.SignIn();
            body = $"""
                {account.DisplayName} 様

                SmartBranch の{tenant.Name}のポータルに追加されました。いつものアカウントでサインインしてください。
                {link}

                You have been added to {tenant.NameEn} on SmartBranch. Sign in with your existing account.
                """;
        }
        else
        {
            var token = await users.GenerateUserTokenAsync(account, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
            link = links.AcceptInvitation(account.Id, token);
            body = $"""
                {account.DisplayName} 様

                SmartBranch の{tenant.Name}のポータルに招待されました。次のリンクからパスワードを設定してください。
                {link}

                You have been invited to {tenant.NameEn} on SmartBranch. Open the link above to set your password.
                """;
        }

        await sender.SendAsync(new StaffEmail(account.Email!, $"【SmartBranch】{tenant.Name}ポータルへの招待", body), cancellationToken);
        return link;
    }

    public async Task SendPasswordResetAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var body = $"""
            {account.DisplayName} 様

            パスワードの再設定を受け付けました。次のリンクから新しいパスワードを設定してください。
            心当たりがない場合は、このメールを破棄してください。
            {links.ResetPassword(account.Id, token)}

            Open the link above to set a new password. If you did not ask for this, ignore this e-mail.
            """;
        await sender.SendAsync(new StaffEmail(account.Email!, "【SmartBranch】パスワードの再設定", body), cancellationToken);
    }
}
