namespace SmartBranch.Modules.Reports.Notifications;

/// <summary>
/// Sends a plain-text e-mail to a department. The host provides it over its SMTP settings (<c>Email:Smtp</c>), the
/// same as staff invitations, so a city configures mail once.
/// </summary>
public interface IReportMailSender
{
    Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken);
}
