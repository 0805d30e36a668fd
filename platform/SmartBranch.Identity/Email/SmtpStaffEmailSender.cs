using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SmartBranch.Identity.Email;

/// <summary>Sends through the SMTP server of <c>Email:Smtp</c> (STARTTLS when the server offers it).</summary>
internal sealed class SmtpStaffEmailSender(IOptions<SmtpOptions> options) : IStaffEmailSender
{
    public async Task SendAsync(StaffEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), settings.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(StaffMimeMessage.Create(settings.From, email), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an <c>.eml</c> file, for development without an SMTP server.</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<SmtpOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment)
    : IStaffEmailSender
{
    public async Task SendAsync(StaffEmail email, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var message = StaffMimeMessage.Create(options.Value.From, email);
        await message.WriteToAsync(Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), cancellationToken);
    }
}

internal static class StaffMimeMessage
{
    public static MimeMessage Create(string from, StaffEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        var body = new BodyBuilder { TextBody = email.TextBody };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
