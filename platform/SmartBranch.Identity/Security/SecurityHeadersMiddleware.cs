using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartBranch.Kernel.Networking;

namespace SmartBranch.Identity.Security;

/// <summary>
/// Security headers on every response. The policy is <c>Security:ContentSecurityPolicy</c> when set;
/// a page may add image origins to it (<see cref="ContentSecurityPolicyImageSources"/>, e.g. a map's tile host).
/// HSTS is sent on HTTPS outside Development. A response that brings its own policy keeps it, and then its own
/// framing rule: resident pages allow LINE's LIFF SDK, and in Emulator mode being framed by the resident simulator.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IConfiguration configuration, IHostEnvironment environment)
{
    // Blazor Server needs its script and WebSocket from 'self' and inline style attributes. The portal's LINE
    // preview and emoji picker show LINE emoji from LINE's own image host.
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https://stickershop.line-scdn.net; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly string _policy = configuration["Security:ContentSecurityPolicy"] is { Length: > 0 } configured
        ? configured
        : DefaultContentSecurityPolicy;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicyImageSources.Apply(context, _policy);
                headers.XFrameOptions = "DENY";
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Request.IsHttps && !environment.IsDevelopment())
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class SecurityHeadersExtensions
{
    /// <summary>CSP, HSTS (HTTPS, outside Development), nosniff, no referrer, no framing. Call first in the pipeline.</summary>
    public static IApplicationBuilder UseSmartBranchSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
