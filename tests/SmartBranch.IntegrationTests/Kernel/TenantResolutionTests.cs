using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>The tenant is resolved once, at the edge, from the route of resident pages, the portal and webhooks.</summary>
public sealed class TenantResolutionTests : IAsyncLifetime
{
    private static readonly TenantLineSettings Configured = new(LineMode.Emulator, "1", "secret", "token", new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:1"), null, null);
    private static readonly TenantLineSettings Unconfigured = Configured with { ChannelSecret = null, ChannelAccessToken = null };

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private TenantCatalog _catalog = null!;

    public async ValueTask InitializeAsync()
    {
        _catalog = new TenantCatalog(
        [
            new TenantDefinition("hirakawa", "平川市", "Hirakawa City", "", [new("production", Unconfigured), new("staging", Configured)]),
            new TenantDefinition("closed", "休止市", "Closed City", "", [new("staging", Configured)]),
        ]);
        _catalog.SetStatus("closed", TenantStatus.Suspended);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<ITenantCatalog>(_catalog);
        builder.Services.AddScoped<CurrentTenant>();
        builder.Services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        _app = builder.Build();
        _app.UseRouting();
        _app.UseSmartBranchTenancy();
        _app.MapGet("/r/{tenant}/{env}/probe", (ICurrentTenant current) => new { tenant = current.Context!.TenantSlug, env = current.Context.EnvironmentName });
        _app.MapGet("/portal/{tenant}/probe", (ICurrentTenant current) => new { tenant = current.Tenant!.Slug, env = current.Context?.EnvironmentName });
        _app.MapGet("/healthz", (ICurrentTenant current) => new { tenant = current.Tenant?.Slug });
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_resident_page_runs_in_the_tenant_environment_of_its_route()
    {
        var body = await _client.GetFromJsonAsync<JsonObject>("/r/hirakawa/staging/probe");

        Assert.Equal(("hirakawa", "staging"), (body!["tenant"]!.GetValue<string>(), body["env"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_portal_page_knows_its_tenant_before_an_environment_is_chosen()
    {
        var body = await _client.GetFromJsonAsync<JsonObject>("/portal/hirakawa/probe");

        Assert.Equal("hirakawa", body!["tenant"]!.GetValue<string>());
        Assert.Null(body["env"]);
    }

    [Fact]
    public async Task Routes_without_a_tenant_run_outside_any_tenant()
    {
        var body = await _client.GetFromJsonAsync<JsonObject>("/healthz");

        Assert.Null(body!["tenant"]);
    }

    [Theory]
    [InlineData("/r/unknown/staging/probe", HttpStatusCode.NotFound, "自治体が見つかりません。")]
    [InlineData("/portal/unknown/probe", HttpStatusCode.NotFound, "自治体が見つかりません。")]
    [InlineData("/r/hirakawa/test/probe", HttpStatusCode.NotFound, "環境が見つかりません。")]
    [InlineData("/r/hirakawa/production/probe", HttpStatusCode.ServiceUnavailable, "この環境はまだ準備中です。")]
    [InlineData("/portal/closed/probe", HttpStatusCode.ServiceUnavailable, "このサービスは現在停止しています。")]
    public async Task Unknown_or_stopped_tenants_get_a_Japanese_problem_page(string path, HttpStatusCode status, string title)
    {
        var response = await _client.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, problem!["title"]!.GetValue<string>());
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }
}
