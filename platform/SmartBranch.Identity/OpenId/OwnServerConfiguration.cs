using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;

namespace SmartBranch.Identity.OpenId;

/// <summary>
/// The portal's view of the provider, built in-process instead of fetched from the discovery
/// document: the endpoints on the origin of the current request (or <c>Identity:PublicOrigin</c>)
/// and the signing keys straight from OpenIddict, so the portal never calls itself to learn them.
/// </summary>
internal sealed class OwnServerConfiguration(
    IHttpContextAccessor http, IOptions<SmartBranchIdentityOptions> options, IOptionsMonitor<OpenIddictServerOptions> server)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var origin = options.Value.PublicOrigin
            ?? (http.HttpContext?.Request is { } request
                ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/")
                : throw new InvalidOperationException("The portal's provider configuration needs a request or Identity:PublicOrigin."));
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = server.CurrentValue.Issuer?.AbsoluteUri ?? origin.AbsoluteUri,
            AuthorizationEndpoint = new Uri(origin, OpenIdServerRegistration.AuthorizationPath).AbsoluteUri,
            TokenEndpoint = new Uri(origin, OpenIdServerRegistration.TokenPath).AbsoluteUri,
        };
        foreach (var credentials in server.CurrentValue.SigningCredentials)
        {
            configuration.SigningKeys.Add(credentials.Key);
        }

        return Task.FromResult(configuration);
    }

    public void RequestRefresh()
    {
    }
}
