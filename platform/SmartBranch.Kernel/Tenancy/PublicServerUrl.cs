using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Where LINE reaches this platform: <c>Server:PublicUrl</c> (the public host name behind the load
/// balancer), else the first address this server listens on.
/// </summary>
internal sealed class PublicServerUrl(IConfiguration configuration, IServiceProvider services)
{
    private const string Fallback = "http://localhost:5080";
    private static readonly string[] Wildcards = ["0.0.0.0", "[::]", "+", "*"];

    public Uri Value
    {
        get
        {
            if (configuration["Server:PublicUrl"] is { Length: > 0 } configured)
            {
                return new Uri(configured.TrimEnd('/') + "/");
            }

            var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? Fallback;
            foreach (var wildcard in Wildcards)
            {
                listening = listening.Replace($"://{wildcard}", "://localhost", StringComparison.Ordinal);
            }

            return new UriBuilder(listening) { Path = "/" }.Uri;
        }
    }
}
