using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartBranch.Benchmarks;

/// <summary>
/// Token signing and encryption certificates and the key ring's certificate for a benchmark server on PostgreSQL, where the server
/// (rightly) refuses to run without configured ones. Self-signed, in a temporary folder.
/// </summary>
internal static class ThrowawayCertificates
{
    public static IReadOnlyDictionary<string, string> Create(string directory) => new Dictionary<string, string>
    {
        ["Identity:OpenId:SigningCertificatePath"] = Write(directory, "signing", X509KeyUsageFlags.DigitalSignature),
        ["Identity:OpenId:EncryptionCertificatePath"] = Write(directory, "encryption", X509KeyUsageFlags.KeyEncipherment),
        ["DataProtection:CertificatePath"] = Write(directory, "key-ring", X509KeyUsageFlags.KeyEncipherment),
    };

    private static string Write(string directory, string name, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=SmartBranch benchmark {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(directory, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
