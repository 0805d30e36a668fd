using System.Net.Mail;

namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// How the vendor's operators give a city its first admin, or a new one when it has lost its last:
/// the staff invitation (same e-mail, same one-time link, an authenticator app at the first sign-in),
/// sent from outside the tenant. For operators only; every invitation is audited on the tenant.
/// </summary>
public interface ITenantAdminInvitations
{
    /// <summary>Everyone holding the admin role in the tenant, accepted, pending or disabled.</summary>
    /// <exception cref="UnauthorizedAccessException">The caller is not an operator.</exception>
    Task<IReadOnlyList<StaffMember>> ListAdminsAsync(string tenantSlug, CancellationToken cancellationToken);

    /// <summary>
    /// Invites the address as an admin: a new account and membership, a pending invitation sent again
    /// (a new link; the old one stops working), or an existing member given the admin role.
    /// </summary>
    /// <exception cref="TenantAdminInvitationException">Unknown tenant, bad input, or already an active admin.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller is not an operator.</exception>
    Task<TenantAdminInvited> InviteAsync(string tenantSlug, TenantAdminInvitation invitation, CancellationToken cancellationToken);
}

/// <param name="Department">Optional: the admin's department (課), as staff management records it.</param>
public sealed record TenantAdminInvitation(string Email, string DisplayName, string? Department = null)
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>Every problem of the input, each naming its field, in Japanese; empty when it can be sent.</summary>
    public IReadOnlyList<TenantAdminInvitationProblem> Problems()
    {
        var problems = new List<TenantAdminInvitationProblem>();
        var name = DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new(TenantAdminInvitationField.DisplayName, "氏名を入力してください。"));
        }
        else if (name.Length > MaxDisplayNameLength)
        {
            problems.Add(new(TenantAdminInvitationField.DisplayName, $"氏名は {MaxDisplayNameLength} 文字以内で入力してください。"));
        }

        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            problems.Add(new(TenantAdminInvitationField.Email, "メールアドレスを入力してください。"));
        }
        else if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            problems.Add(new(TenantAdminInvitationField.Email, "メールアドレスの形式が正しくありません（例: kanri@city.example.lg.jp）。"));
        }

        return problems;
    }
}

public enum TenantAdminInvitationField
{
    /// <summary>Not about one field: the tenant, or the invitation as a whole.</summary>
    None,
    Email,
    DisplayName,
}

public sealed record TenantAdminInvitationProblem(TenantAdminInvitationField Field, string Message);

public enum TenantAdminInvitationOutcome
{
    /// <summary>A new invitation: the e-mail carries a one-time link to set a password.</summary>
    Invited,

    /// <summary>The address was invited before and has not accepted: a new link, the old one no longer works.</summary>
    Resent,

    /// <summary>The account has a password already (a member here or elsewhere): given the admin role and told to sign in.</summary>
    Added,
}

/// <param name="Link">
/// The one-time link the e-mail carries, only when no SMTP server is configured (development, a
/// fresh installation): the operator passes it on. Null whenever the e-mail really goes out.
/// </param>
public sealed record TenantAdminInvited(StaffMember Admin, TenantAdminInvitationOutcome Outcome, Uri? Link);

/// <summary>A refusal to show the operator, in Japanese, naming the field it is about.</summary>
public sealed class TenantAdminInvitationException : Exception
{
    public TenantAdminInvitationException() { }

    public TenantAdminInvitationException(string message) : base(message) { }

    public TenantAdminInvitationException(string message, Exception innerException) : base(message, innerException) { }

    public TenantAdminInvitationException(TenantAdminInvitationProblem problem) : base(problem.Message) => Field = problem.Field;

    public TenantAdminInvitationField Field { get; }
}
