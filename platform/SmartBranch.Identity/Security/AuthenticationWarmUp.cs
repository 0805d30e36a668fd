using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace SmartBranch.Identity.Security;

/// <summary>
/// Prepares, while the server starts, what the first request would otherwise build: the token keys
/// (ephemeral RSA keys are generated), the cookie and OpenID Connect options, the data-protection
/// key ring and the endpoint table. The first request is often a LINE webhook that must be answered within seconds.
/// </summary>
internal sealed class AuthenticationWarmUp(
    IOptionsMonitor<OpenIddictServerOptions> server,
    IOptionsMonitor<OpenIdConnectOptions> openIdConnect,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IDataProtectionProvider dataProtection,
    EndpointDataSource endpoints) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = server.CurrentValue.SigningCredentials.Count;
        _ = openIdConnect.Get(SmartBranchAuthentication.PortalOpenIdConnect);
        _ = cookies.Get(SmartBranchAuthentication.Portal);
        _ = cookies.Get(SmartBranchAuthentication.Account);
        dataProtection.CreateProtector(nameof(AuthenticationWarmUp)).Protect([0]);
        _ = endpoints.Endpoints.Count;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
