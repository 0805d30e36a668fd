using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Benchmarks;

/// <summary>
/// The server's services in this process, in the web role (no background work), on the benchmark's database: what
/// a portal page calls when staff act. A staff member's actions go through the product's own permission checks
/// and audit log; the <see cref="ServerProcess"/> does the background work they start.
/// </summary>
internal sealed class StaffDesk(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    /// <summary>An administrator of the benchmark's tenant (setup: a city's first administrator is made the same way).</summary>
    public async Task<string> CreateAdministratorAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = new StaffAccount
        {
            UserName = "bench-admin@example.jp",
            Email = "bench-admin@example.jp",
            EmailConfirmed = true,
            DisplayName = "ベンチマーク 管理者",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await accounts.CreateAsync(account);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        db.Add(new TenantMembership { UserId = account.Id, TenantSlug = BenchmarkServer.Tenant, Roles = [StaffRoles.Admin] });
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>Runs <paramref name="work"/> in the benchmark's tenant environment as the signed-in staff member.</summary>
    public async Task<T> AsAsync<T>(string staffId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().CreateScope(BenchmarkServer.Tenant, BenchmarkServer.Environment);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, staffId)], "benchmark"));
        await scope.ServiceProvider.GetRequiredService<ICurrentStaffLoader>().LoadAsync(principal, CancellationToken.None);
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> in the benchmark's tenant environment, as background work does.</summary>
    public async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().CreateScope(BenchmarkServer.Tenant, BenchmarkServer.Environment);
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(AppContext.BaseDirectory); // Where the server process runs too: its settings and tenants/ are copied here.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Server:Roles", "Web");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error"); // The desk serves no pages.
        // Migrating a new database first reads the migrations table that is not there yet; EF logs that as an error.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
    }
}
