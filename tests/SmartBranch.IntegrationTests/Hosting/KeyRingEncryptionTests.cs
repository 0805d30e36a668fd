using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.IntegrationTests.Hosting;

/// <summary>The Data Protection key ring, stored in the database, is encrypted with the configured certificate.</summary>
public sealed class KeyRingEncryptionTests
{
    [Fact]
    public async Task Keys_in_the_database_are_encrypted_with_the_certificate_and_still_unprotect()
    {
        var directory = Directory.CreateTempSubdirectory("smartbranch-keyring-").FullName;
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, extraSettings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = WriteCertificate(directory, "key-ring", "certificate-password"),
            ["DataProtection:CertificatePassword"] = "certificate-password",
        });

        var protector = bed.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");
        var sealedText = protector.Protect("チャネルシークレット");

        Assert.Equal("チャネルシークレット", protector.Unprotect(sealedText));
        await using var scope = bed.App.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedData", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Production_on_PostgreSQL_refuses_to_start_without_a_key_ring_certificate()
    {
        using var app = new SmartBranchApplication(
            new Dictionary<string, string?>
            {
                ["environment"] = "Production",
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Default"] = "Host=127.0.0.1;Username=nobody",
            },
            new CapturedLogs());

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private static string WriteCertificate(string directory, string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=SmartBranch test {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
