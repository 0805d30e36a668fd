namespace SmartBranch.Identity;

/// <summary>The authentication schemes and authorization policies the server uses; the portal needs only these names.</summary>
public static class SmartBranchAuthentication
{
    /// <summary>The default scheme: picks <see cref="Portal"/>, <see cref="Api"/> or <see cref="Account"/> by path.</summary>
    public const string Default = "SmartBranch";

    /// <summary>The portal's session cookie (<c>/portal/…</c>, <c>/ops/…</c>); its challenge runs <see cref="PortalOpenIdConnect"/>.</summary>
    public const string Portal = "SmartBranch.Portal";

    /// <summary>The portal as an OpenID Connect client (code + PKCE) of this server's own authorization endpoint.</summary>
    public const string PortalOpenIdConnect = "SmartBranch.Portal.OpenIdConnect";

    /// <summary>The sign-in pages' own cookie (ASP.NET Core Identity's application cookie): the session at the authorization server.</summary>
    public const string Account = "Identity.Application";

    /// <summary>Bearer access tokens of API clients (<c>/api/…</c>), validated by OpenIddict.</summary>
    public const string Api = OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>Policy: signed in to the portal and an active member of the route's tenant, or an operator.</summary>
    public const string PortalMemberPolicy = "portal.member";

    /// <summary>Policy: signed in to the portal as a vendor operator (<c>/ops</c>).</summary>
    public const string OperatorPolicy = "portal.operator";

    /// <summary>Policy: an API client's token for the route's tenant.</summary>
    public const string TenantApiPolicy = "api.tenant";

    /// <summary>The API scope city systems request.</summary>
    public const string ApiScope = "smartbranch.api";

    /// <summary>The claim naming the tenant an API client belongs to.</summary>
    public const string TenantClaim = "tenant";

    public const string PortalClientId = "smartbranch-portal";

    public const string PortalCallbackPath = "/signin-oidc";
}
