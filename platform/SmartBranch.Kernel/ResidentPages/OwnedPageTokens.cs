using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>
/// What a resident page carries between its steps in a hidden field, such as an upload already kept: protected
/// (encrypted and signed) under a purpose, bound to an owner (the tenant environment, the resident, whatever else the
/// caller names) and expiring after a lifetime, so that nobody can hand in a value that was issued to someone else.
/// </summary>
public sealed class OwnedPageTokens(IDataProtectionProvider dataProtection, string purpose, TimeSpan lifetime, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    /// <param name="owner">Ends with a separator that <paramref name="payload"/>'s owner part cannot contain, e.g. a line break.</param>
    public string Issue(string owner, string payload) => _protector.Protect(owner + payload, clock.GetUtcNow() + lifetime);

    /// <returns>The payload, or null when the token is missing, expired, altered, or someone else's.</returns>
    public string? Read(string owner, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token, out var expires);
            if (expires <= clock.GetUtcNow())
            {
                return null;
            }
        }
        catch (CryptographicException)
        {
            return null;
        }

        return payload.StartsWith(owner, StringComparison.Ordinal) ? payload[owner.Length..] : null;
    }
}
