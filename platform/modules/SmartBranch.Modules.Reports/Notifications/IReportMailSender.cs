namespace SmartBranch.Modules.Reports.Notifications;

/// <summary>
/// Sends a plain-text e-mail to a department or a road's manager, with attachments (a forwarded case's photo). The host
/// provides it over its SMTP settings (<c>Email:Smtp</c>), the same as staff invitations, so a city configures mail once.
/// </summary>
public interface IReportMailSender
{
    Task SendAsync(string to, string subject, string textBody, IReadOnlyList<ReportMailAttachment> attachments, CancellationToken cancellationToken);
}

public sealed record ReportMailAttachment(string FileName, string ContentType, byte[] Content);
