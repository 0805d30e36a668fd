using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>
/// The real server on Kestrel (so that a browser can reach it) over a temporary SQLite database,
/// with test doubles for what other engineers build: sign-in, the current staff member, the
/// permission policies, the staff directory and tenant administration.
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smartbranch-portal-test-").FullName;

    public PortalHost() => UseKestrel(0);

    internal FakeStaffDirectory StaffDirectory { get; } = new();

    internal FakeTenantAdministration Administration { get; } = new();

    public Uri Address
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new UriBuilder(address) { Host = "127.0.0.1", Path = "" }.Uri;
        }
    }

    internal HttpClient ClientAs(TestPersona? persona, string? environment = null, string? culture = null)
    {
        StartServer();
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Address, AllowAutoRedirect = false, HandleCookies = false });
        if (persona is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, persona.Name);
        }

        var cookies = new List<string>();
        if (environment is not null)
        {
            cookies.Add($"SmartBranch.Environment={environment}");
        }

        if (culture is not null)
        {
            cookies.Add($".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
        }

        if (cookies.Count > 0)
        {
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var tenants = Path.Combine(_directory, "tenants", "hirakawa");
        Directory.CreateDirectory(tenants);
        File.WriteAllText(Path.Combine(tenants, "tenant.yml"), "slug: hirakawa\nname: 平川市\nnameEn: Hirakawa City\nenvironments:\n  - production\n  - staging\n");

        builder.UseEnvironment("Testing");
        builder.UseSetting("Tenants:Directory", Path.Combine(_directory, "tenants"));
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_directory, "smartbranch.db")}");
        builder.UseSetting("Server:Roles", "Web");
        builder.UseSetting("Emulator:Embedded", "false");
        builder.UseSetting("Tenants:hirakawa:staging:Line:ChannelId", "2000000001");
        builder.UseSetting("Tenants:hirakawa:staging:Line:ChannelSecret", TestTenants.StagingSecret);
        builder.UseSetting("Tenants:hirakawa:staging:Line:ChannelAccessToken", TestTenants.StagingToken);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddAuthentication(TestAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
            // The product's identity picks its schemes by path; here every request uses the test sign-in.
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultChallengeScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultForbidScheme = TestAuthenticationHandler.SchemeName;
            });
            services.AddScoped<ICurrentStaff, ClaimsCurrentStaff>();
            services.AddTestPermissionPolicies();
            services.AddSingleton<IStaffDirectory>(StaffDirectory);
            services.AddSingleton<ITenantAdministration>(Administration);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
