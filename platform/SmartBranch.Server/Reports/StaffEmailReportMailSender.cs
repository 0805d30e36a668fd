using SmartBranch.Identity.Email;
using SmartBranch.Modules.Reports.Notifications;

namespace SmartBranch.Server.Reports;

/// <summary>Department mail from the Reports module goes out through the staff mail sender (<c>Email:Smtp</c>, MailKit).</summary>
internal sealed class StaffEmailReportMailSender(IStaffEmailSender sender) : IReportMailSender
{
    public Task SendAsync(string to, string subject, string textBody, IReadOnlyList<ReportMailAttachment> attachments, CancellationToken cancellationToken) =>
        sender.SendAsync(
            new StaffEmail(to, subject, textBody) { Attachments = [.. attachments.Select(a => new StaffEmailAttachment(a.FileName, a.ContentType, a.Content))] },
            cancellationToken);
}
