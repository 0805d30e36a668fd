using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SmartBranch.Identity.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartBranch.Identity.OpenId;

/// <summary>
/// The portal's sign-in: its own cookie, and on challenge the authorization-code flow with PKCE
/// against this server's own OpenID Connect endpoints. The default scheme picks the portal, the API
/// or the sign-in pages by path, so <c>[Authorize]</c> needs no scheme names.
/// </summary>
internal static class PortalAuthentication
{
    public static void AddPortalAuthentication(this AuthenticationBuilder authentication, SmartBranchIdentityOptions options, IHostEnvironment environment)
    {
        var securePolicy = environment.CookieSecurePolicy();

        authentication.AddPolicyScheme(SmartBranchAuthentication.Default, "SmartBranch", policy =>
            policy.ForwardDefaultSelector = SchemeFor);

        authentication.AddCookie(SmartBranchAuthentication.Portal, cookie =>
        {
            cookie.Cookie.Name = "__SmartBranch.Portal";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = securePolicy;
            cookie.ExpireTimeSpan = options.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.ForwardChallenge = SmartBranchAuthentication.PortalOpenIdConnect;
            cookie.AccessDeniedPath = "/account/access-denied";
        });

        authentication.AddOpenIdConnect(SmartBranchAuthentication.PortalOpenIdConnect, oidc =>
        {
            oidc.SignInScheme = SmartBranchAuthentication.Portal;
            oidc.ClientId = SmartBranchAuthentication.PortalClientId;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;

            // A query response, not form_post: form_post needs an inline script our CSP forbids.
            // The code in the URL is single-use and bound to the PKCE verifier.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CallbackPath = SmartBranchAuthentication.PortalCallbackPath;
            oidc.Scope.Clear();
            oidc.Scope.Add(Scopes.OpenId);
            oidc.Scope.Add(Scopes.Profile);
            oidc.Scope.Add(Scopes.Email);
            oidc.MapInboundClaims = false;
            oidc.TokenValidationParameters.NameClaimType = Claims.Name;
            oidc.TokenValidationParameters.RoleClaimType = Claims.Role;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.SaveTokens = false;
            oidc.RequireHttpsMetadata = false;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = securePolicy;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = securePolicy;
        });

        authentication.Services.AddSingleton<OwnServerConfiguration>();
        authentication.Services.AddOptions<OpenIdConnectOptions>(SmartBranchAuthentication.PortalOpenIdConnect)
            .Configure<OwnServerConfiguration>((oidc, configuration) => oidc.ConfigurationManager = configuration);
    }

    private static string SchemeFor(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/portal") || path.StartsWithSegments("/ops") || path.StartsWithSegments(SmartBranchAuthentication.PortalCallbackPath))
        {
            return SmartBranchAuthentication.Portal;
        }

        return path.StartsWithSegments("/api") ? SmartBranchAuthentication.Api : SmartBranchAuthentication.Account;
    }
}
