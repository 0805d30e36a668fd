using Microsoft.AspNetCore.Identity;
using SmartBranch.Kernel.Audit;

namespace SmartBranch.Identity.Accounts;

/// <summary>Records sign-in outcomes in the audit log by account id, never by address or password.</summary>
internal sealed class SignInAudit(IAuditLog audit, UserManager<StaffAccount> users, TimeProvider clock)
{
    public async Task SucceededAsync(StaffAccount account, string method, CancellationToken cancellationToken)
    {
        account.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(account);
        await audit.RecordAsync(new AuditRecord("staff.signed_in", "staff", account.Id, $"サインインしました（{method}）。"), cancellationToken);
    }

    public Task FailedAsync(StaffAccount? account, string reason, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord("staff.sign_in_failed", "staff", account?.Id, $"サインインに失敗しました（{reason}）。"), cancellationToken);

    public Task LockedOutAsync(StaffAccount account, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord("staff.locked_out", "staff", account.Id, "サインインの失敗が続いたため、アカウントをロックしました。"), cancellationToken);

    public Task TwoFactorEnabledAsync(StaffAccount account, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord("staff.two_factor_enabled", "staff", account.Id, "認証アプリによる2段階認証を設定しました。"), cancellationToken);

    public Task InvitationAcceptedAsync(StaffAccount account, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord("staff.invitation_accepted", "staff", account.Id, "招待を受諾し、パスワードを設定しました。"), cancellationToken);

    public Task PasswordResetAsync(StaffAccount account, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord("staff.password_reset", "staff", account.Id, "パスワードを再設定しました。"), cancellationToken);
}
