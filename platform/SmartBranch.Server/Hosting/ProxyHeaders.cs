using Microsoft.AspNetCore.HttpOverrides;
using SmartBranch.Kernel.Networking;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// Behind a load balancer the connection comes from the balancer: the client's address and scheme
/// are taken from <c>X-Forwarded-For</c>/<c>-Proto</c>, but only when the connection comes from
/// <c>Server:ForwardedHeaders:KnownNetworks</c>, so nobody else can claim a city's network and pass
/// its allowlist or sign-in rate limit. Without known networks the headers are ignored: ASP.NET
/// Core's middleware would trust every sender if given an empty list.
/// </summary>
internal static class ProxyHeaders
{
    private const string KnownNetworksKey = "Server:ForwardedHeaders:KnownNetworks";

    public static WebApplicationBuilder AddProxyHeaders(this WebApplicationBuilder builder)
    {
        var networks = KnownNetworks(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        if (KnownNetworks(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static List<System.Net.IPNetwork> KnownNetworks(IConfiguration configuration) =>
        NetworkList.Read(configuration.GetSection(KnownNetworksKey));
}
