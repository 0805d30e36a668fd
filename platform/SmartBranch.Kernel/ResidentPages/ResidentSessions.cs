using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>
/// The resident signed in to one tenant environment's pages: after their LIFF ID token is verified, a short-lived,
/// HttpOnly, SameSite=Lax cookie scoped to <c>/r/{tenant}/{env}</c>, protected (encrypted and signed) with the
/// shared Data Protection key ring so that any server process can read it, and bound to that environment.
/// </summary>
public sealed class ResidentSessions(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "__SmartBranch.Resident";

    /// <summary>Long enough to fill in a form, short enough that a borrowed phone is not signed in for long.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("SmartBranch.ResidentSession.v1").ToTimeLimitedDataProtector();

    public static string BasePath(TenantContext tenant) => $"/r/{tenant.TenantSlug}/{tenant.EnvironmentName}";

    public void SignIn(HttpContext http, TenantContext tenant, string lineUserId)
    {
        var value = _protector.Protect(Payload(tenant, lineUserId), clock.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            Path = BasePath(tenant),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The LINE user id of the resident signed in to <paramref name="tenant"/>; null when nobody is, or the session expired.</summary>
    public string? CurrentLineUserId(HttpContext http, TenantContext tenant)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(value, out var expires);
            if (expires <= clock.GetUtcNow())
            {
                return null;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var prefix = Payload(tenant, "");
        return payload.StartsWith(prefix, StringComparison.Ordinal) && payload.Length > prefix.Length ? payload[prefix.Length..] : null;
    }

    private static string Payload(TenantContext tenant, string lineUserId) => $"{tenant.TenantSlug}\n{tenant.EnvironmentName}\n{lineUserId}";
}
