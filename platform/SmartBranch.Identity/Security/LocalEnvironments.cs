using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace SmartBranch.Identity.Security;

public static class LocalEnvironments
{
    /// <summary>Development and the integration tests' Testing, where plain HTTP on loopback is allowed.</summary>
    public static bool IsLocal(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>Secure-only cookies everywhere but on a local machine.</summary>
    public static CookieSecurePolicy CookieSecurePolicy(this IHostEnvironment environment) =>
        environment.IsLocal() ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
}
