namespace SmartBranch.Identity.Email;

/// <summary>Configuration <c>Email:Smtp</c>. Without a host, mail is written to <see cref="PickupDirectory"/> instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "SmartBranch <no-reply@localhost>";

    /// <summary><c>Email:PickupDirectory</c>: where mail goes when no SMTP host is set (development).</summary>
    public string PickupDirectory { get; set; } = ".data/mail";
}
