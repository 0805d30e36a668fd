using System.Net;
using SmartBranch.IntegrationTests.Infrastructure;

namespace SmartBranch.IntegrationTests.Hosting;

/// <summary>The client's address behind a load balancer: taken from X-Forwarded-For only when the balancer's network is known.</summary>
public sealed class ProxyHeadersTests
{
    private const string CityNetworkAddress = "10.20.30.40";

    [Fact]
    public async Task Behind_a_known_load_balancer_the_forwarded_address_passes_the_citys_allowlist()
    {
        await using var bed = await StartAsync(knownNetworks: "127.0.0.0/8");

        var response = await GetPortalAsync(bed, forwardedFor: CityNetworkAddress);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task Forwarded_addresses_from_anywhere_else_are_ignored()
    {
        await using var bed = await StartAsync(knownNetworks: null);

        var response = await GetPortalAsync(bed, forwardedFor: CityNetworkAddress);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<LineTestBed> StartAsync(string? knownNetworks) => LineTestBed.StartAsync(
        TestDatabaseKind.Sqlite,
        extraSettings: new Dictionary<string, string?>
        {
            ["Tenants:othercity:Security:AllowedNetworks"] = "10.0.0.0/8",
            ["Server:ForwardedHeaders:KnownNetworks"] = knownNetworks,
        });

    private static async Task<HttpResponseMessage> GetPortalAsync(LineTestBed bed, string forwardedFor)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bed.App.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portal/othercity/whoami");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }
}
