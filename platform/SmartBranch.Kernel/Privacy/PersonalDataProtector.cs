using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Privacy;

/// <summary>
/// ASP.NET Core Data Protection with a purpose chain per tenant environment: each environment's fields are encrypted
/// with its own subkey derived from the shared key ring (which lives in the database, encrypted at rest with a
/// certificate outside production's local runs; see <c>KeyRingEncryption</c>). Key rotation is Data Protection's:
/// old keys keep opening what they sealed.
/// </summary>
internal sealed class PersonalDataProtector(IDataProtectionProvider provider) : IPersonalDataProtector
{
    private const string Purpose = "SmartBranch.Kernel.Privacy.PersonalData";

    public SealedText Seal(TenantContext tenant, string plaintext) => new(ProtectorFor(tenant).Protect(plaintext));

    public string Open(TenantContext tenant, SealedText sealedText)
    {
        try
        {
            return ProtectorFor(tenant).Unprotect(sealedText.Ciphertext);
        }
        catch (CryptographicException e)
        {
            throw new PersonalDataUnreadableException($"A personal field cannot be opened in {tenant}: it belongs to another tenant environment, was altered, or its key is gone.", e);
        }
    }

    private IDataProtector ProtectorFor(TenantContext tenant) => provider.CreateProtector(Purpose, tenant.TenantSlug, tenant.EnvironmentName);
}
