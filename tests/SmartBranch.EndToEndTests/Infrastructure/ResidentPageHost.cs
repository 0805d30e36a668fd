using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>A web server on 127.0.0.1 that answers every GET with one HTML page: a resident (LIFF) page for tests.</summary>
internal sealed class ResidentPageHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResidentPageHost(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public string Html { get; set; } = "";

    public static async Task<ResidentPageHost> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var host = new ResidentPageHost(app);
        app.MapGet("/{**path}", () => Results.Content(host.Html, "text/html; charset=utf-8"));
        await app.StartAsync();
        host.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
