using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel.Authorization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartBranch.Identity.OpenId;

/// <summary>The authorization and token endpoints: OpenIddict validates the protocol, these decide who gets what.</summary>
internal static class AuthorizationEndpoints
{
    public static void MapAuthorizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(OpenIdServerRegistration.AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        endpoints.MapPost(OpenIdServerRegistration.TokenPath, ExchangeAsync).RequireRateLimiting(SignInRateLimitPolicy.Name);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<StaffAccount> users, SignInRules rules)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(SmartBranchAuthentication.Account);
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        if (!session.Succeeded)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [SmartBranchAuthentication.Account]);
        }

        if (session.Principal.MustSetUpTwoFactor())
        {
            return Results.Redirect("/account/setup-authenticator?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var account = await users.GetUserAsync(session.Principal);
        if (account is null || !await rules.MaySignInAsync(account))
        {
            return Forbid(Errors.AccessDenied, "The account may not sign in.");
        }

        var identity = StaffIdentity(account);
        identity.SetScopes(request.GetScopes().Intersect([Scopes.OpenId, Scopes.Profile, Scopes.Email]));
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context, UserManager<StaffAccount> users, SignInRules rules, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var account = code.Principal?.GetClaim(Claims.Subject) is { } userId ? await users.FindByIdAsync(userId) : null;
            if (account is null || !await rules.MaySignInAsync(account) || await users.IsLockedOutAsync(account))
            {
                return Forbid(Errors.InvalidGrant, "The account may no longer sign in.");
            }

            var identity = StaffIdentity(account);
            identity.SetScopes(code.Principal!.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("OpenIddict let through an unknown client.");
            var tenant = (await applications.GetPropertiesAsync(application)).TryGetValue(ApiClients.TenantProperty, out var value)
                ? value.GetString()
                : null;
            if (tenant is null)
            {
                return Forbid(Errors.UnauthorizedClient, "The client belongs to no tenant.");
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetClaim(SmartBranchAuthentication.TenantClaim, tenant);
            identity.SetScopes(request.GetScopes().Intersect([SmartBranchAuthentication.ApiScope, .. ApiScopes.All]));
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static ClaimsIdentity StaffIdentity(StaffAccount account)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id);
        identity.SetClaim(Claims.Name, account.DisplayName);
        identity.SetClaim(Claims.Email, account.Email);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return identity;
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
