using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Tests.TestDoubles;
using SmartBranch.TestSupport;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>
/// The real server on Kestrel over a temporary SQLite database, its identity included: tests sign in
/// through the sign-in pages and the portal's OpenID Connect flow with real accounts of Hirakawa.
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smartbranch-portal-test-").FullName;

    private string DatabaseConnectionString => $"Data Source={Path.Combine(_directory, "smartbranch.db")}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PortalAccounts? _accounts;

    public PortalHost() => UseKestrel(0);

    public Uri Address
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new UriBuilder(address) { Host = "127.0.0.1", Path = "" }.Uri;
        }
    }

    /// <summary>Hirakawa's staff and an operator, made once per host.</summary>
    internal async Task<PortalAccounts> AccountsAsync()
    {
        StartServer();
        await _gate.WaitAsync();
        try
        {
            return _accounts ??= new PortalAccounts(
                await TestAccounts.CreateMemberAsync(Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, "管理 太郎"),
                await TestAccounts.CreateMemberAsync(Services, "hirakawa", [StaffRoles.Viewer], displayName: "閲覧 花子"),
                await TestAccounts.CreateMemberAsync(Services, "hirakawa", [StaffRoles.Contractor], displayName: "委託 次郎"),
                await TestAccounts.CreateOperatorAsync(Services, "運用 一郎"));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A browser nobody signed in to yet, with the environment and language a person would have chosen.</summary>
    internal Browser OpenBrowser(string? environment = null, string? culture = null)
    {
        StartServer();
        var browser = new Browser(Address);
        if (environment is not null)
        {
            browser.Cookies.Add(Address, new Cookie("SmartBranch.Environment", environment));
        }

        if (culture is not null)
        {
            browser.Cookies.Add(Address, new Cookie(".AspNetCore.Culture", $"c%3D{culture}%7Cuic%3D{culture}"));
        }

        return browser;
    }

    /// <summary>Signed in as <paramref name="account"/> through the sign-in page (with its authenticator code when it has one).</summary>
    internal async Task<Browser> SignInAsync(TestAccount account, string? environment = null, string? culture = null)
    {
        var browser = OpenBrowser(environment, culture);
        var landed = await browser.SignInAsync(account);
        Assert.True(landed.Status == HttpStatusCode.OK && landed.Path == "/account", $"Signing in as {account.DisplayName} ended at {landed.Url} ({landed.Status}):\n{landed.Text}");
        return browser;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var tenants = Path.Combine(_directory, "tenants", "hirakawa");
        Directory.CreateDirectory(tenants);
        File.WriteAllText(Path.Combine(tenants, "tenant.yml"), "slug: hirakawa\nname: 平川市\nnameEn: Hirakawa City\nenvironments:\n  - production\n  - staging\n");

        builder.UseEnvironment("Testing");
        builder.UseSetting("Tenants:Directory", Path.Combine(_directory, "tenants"));
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", DatabaseConnectionString);
        builder.UseSetting("Server:Roles", "Web");
        builder.UseSetting("Server:PublicUrl", "https://smartbranch.example.jp/");
        builder.UseSetting("Emulator:Embedded", "false");
        builder.UseSetting("Identity:RateLimiting:PerIpPermitLimit", "10000");
        builder.UseSetting("Tenants:hirakawa:staging:Line:ChannelId", "2000000001");
        builder.UseSetting("Tenants:hirakawa:staging:Line:ChannelSecret", TestTenants.StagingSecret);
        builder.UseSetting("Tenants:hirakawa:staging:Line:ChannelAccessToken", TestTenants.StagingToken);
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _gate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(DatabaseConnectionString));
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <param name="Admin">Signs in with a password and an authenticator code.</param>
internal sealed record PortalAccounts(TestAccount Admin, TestAccount Viewer, TestAccount Contractor, TestAccount Operator);
