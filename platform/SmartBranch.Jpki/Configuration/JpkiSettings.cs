namespace SmartBranch.Jpki.Configuration;

/// <summary>One tenant environment's <c>Tenants:{slug}:{env}:Jpki</c> section.</summary>
public sealed record JpkiSettings(
    JpkiProviderKind? Provider,
    Uri? ApiBaseUrl,
    string? ClientId,
    string? ClientSecret,
    JpkiRevocationSettings Revocation,
    IReadOnlyList<string> CaCertificates);

public enum JpkiProviderKind
{
    /// <summary>The sandbox card in the LINE emulator's resident simulator.</summary>
    Sandbox,

    /// <summary>The Digital Agency's デジタル認証アプリ.</summary>
    DigitalAgency,
}

/// <summary><c>…:Jpki:Revocation</c>: a CRL URL, or a platform provider's API.</summary>
public sealed record JpkiRevocationSettings(JpkiRevocationMode? Mode, Uri? CrlUrl, Uri? ApiBaseUrl, string? ApiKey);

public enum JpkiRevocationMode
{
    Crl,
    PlatformProvider,
}
