using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>A tenant's admins in memory, with the service's checks and Japanese refusals.</summary>
internal sealed class FakeTenantAdminInvitations : ITenantAdminInvitations
{
    public List<(string Tenant, StaffMember Admin)> Admins { get; } = [];

    /// <summary>With SMTP configured the service returns no link.</summary>
    public bool SmtpConfigured { get; set; } = true;

    public Task<IReadOnlyList<StaffMember>> ListAdminsAsync(string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffMember>>([.. Admins.Where(a => a.Tenant == tenantSlug).Select(a => a.Admin)]);

    public Task<TenantAdminInvited> InviteAsync(string tenantSlug, TenantAdminInvitation invitation, CancellationToken cancellationToken)
    {
        if (invitation.Problems() is [var problem, ..])
        {
            throw new TenantAdminInvitationException(problem);
        }

        var email = invitation.Email.Trim();
        var existing = Admins.FindIndex(a => a.Tenant == tenantSlug && a.Admin.Email == email);
        if (existing >= 0 && Admins[existing].Admin.InvitationAccepted)
        {
            throw new TenantAdminInvitationException(new TenantAdminInvitationProblem(TenantAdminInvitationField.Email, "このメールアドレスの方はすでに平川市の管理者です。招待し直す必要はありません。"));
        }

        var admin = new StaffMember($"user-{Admins.Count + 1}", email, invitation.DisplayName.Trim(), [StaffRoles.Admin], [], false, false, false, null);
        if (existing >= 0)
        {
            Admins.RemoveAt(existing);
        }

        Admins.Add((tenantSlug, admin));
        var outcome = existing >= 0 ? TenantAdminInvitationOutcome.Resent : TenantAdminInvitationOutcome.Invited;
        var link = SmtpConfigured ? null : new Uri($"https://smartbranch.example.jp/account/accept-invitation?user={admin.UserId}&token=one-time-token");
        return Task.FromResult(new TenantAdminInvited(admin, outcome, link));
    }
}
