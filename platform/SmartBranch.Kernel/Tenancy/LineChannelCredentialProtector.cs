using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Encrypts channel secrets and access tokens for the database with ASP.NET Core Data Protection,
/// whose key ring lives in the same database so that every process can read what another wrote.
/// </summary>
internal sealed partial class LineChannelCredentialProtector(IDataProtectionProvider provider, ILogger<LineChannelCredentialProtector> logger)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SmartBranch.Kernel.Tenancy.LineChannelCredentials");

    public string? Protect(string? plaintext) => plaintext is null ? null : _protector.Protect(plaintext);

    /// <returns>Null when nothing is stored or the key that protected it is gone (the environment then counts as not configured).</returns>
    public string? Unprotect(string? payload, string tenantSlug, string environmentName)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(payload);
        }
        catch (CryptographicException)
        {
            LogUnreadable(tenantSlug, environmentName);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored LINE credentials of {TenantSlug}/{EnvironmentName} cannot be decrypted (Data Protection key missing); set them again.")]
    private partial void LogUnreadable(string tenantSlug, string environmentName);
}
