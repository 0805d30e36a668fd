namespace SmartBranch.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
public sealed class SmartBranchIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The origin staff reach the server at (<c>https://smartbranch.example.jp</c>): the token issuer
    /// and the base of e-mailed links. Required outside Development and Testing, where a request's
    /// own Host header must never decide where a password-reset link points.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int RequiredPasswordLength { get; set; } = 12;

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(2);

    public SignInRateLimits RateLimiting { get; set; } = new();

    public OpenIdCertificates OpenId { get; set; } = new();
}

/// <summary><c>Identity:RateLimiting</c>: attempts at the sign-in, two-factor, password and token endpoints.</summary>
public sealed class SignInRateLimits
{
    public int PerIpPermitLimit { get; set; } = 30;

    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(1);

    public int PerAccountPermitLimit { get; set; } = 10;

    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// <c>Identity:OpenId</c>: the certificates (PKCS#12 files) that sign and encrypt tokens; required on
/// PostgreSQL outside Development. Without them Development and the embedded default (one process)
/// use self-signed certificates from the user's store, Testing ephemeral keys.
/// </summary>
public sealed class OpenIdCertificates
{
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }
}
