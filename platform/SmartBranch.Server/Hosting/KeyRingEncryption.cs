using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using SmartBranch.Identity.Security;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// Encrypts the Data Protection key ring at rest with a certificate (<c>DataProtection:*</c>). The keys
/// live in the database beside what they protect (LINE channel secrets and tokens, sign-in cookies),
/// so without this a database dump or backup would carry both the lock and the key. Required where
/// several processes share PostgreSQL outside Development and Testing; the embedded default keeps
/// everything on one machine and may do without.
/// </summary>
internal static class KeyRingEncryption
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>Certificates that encrypted earlier keys: kept after a rotation so those keys still open.</summary>
    public const string PreviousCertificatesKey = "DataProtection:PreviousCertificates";

    public static WebApplicationBuilder AddKeyRingEncryption(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration[CertificatePathKey] is not { Length: > 0 } path)
        {
            var postgres = string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
            if (postgres && !builder.Environment.IsLocal())
            {
                throw new InvalidOperationException(
                    $"{CertificatePathKey} must name a PKCS#12 file that encrypts the Data Protection key ring when several processes share PostgreSQL.");
            }

            return builder;
        }

        var password = configuration[CertificatePasswordKey];
        var previous = configuration.GetSection(PreviousCertificatesKey).GetChildren()
            .Select(c => Load(c["Path"] ?? throw new InvalidOperationException($"{c.Path}:Path is not set."), c["Password"]));
        builder.Services.AddDataProtection()
            .ProtectKeysWithCertificate(Load(path, password))
            .UnprotectKeysWithAnyCertificate([Load(path, password), .. previous]);
        return builder;
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
}
