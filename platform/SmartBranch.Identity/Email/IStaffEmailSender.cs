namespace SmartBranch.Identity.Email;

/// <summary>Sends e-mail to staff (invitations, password resets). Implementations never log the body: it carries one-time links.</summary>
public interface IStaffEmailSender
{
    Task SendAsync(StaffEmail email, CancellationToken cancellationToken);
}

public sealed record StaffEmail(string To, string Subject, string TextBody)
{
    public IReadOnlyList<StaffEmailAttachment> Attachments { get; init; } = [];
}

public sealed record StaffEmailAttachment(string FileName, string ContentType, byte[] Content);
