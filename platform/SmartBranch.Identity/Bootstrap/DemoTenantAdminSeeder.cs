using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Bootstrap;

/// <summary>
/// Development only: a Hirakawa admin to try the portal with (README). Two-factor setup is still
/// demanded at the first sign-in, as for every admin.
/// </summary>
internal sealed class DemoTenantAdminSeeder(IServiceScopeFactory scopes, ITenantCatalog tenants, TimeProvider clock) : IHostedService
{
    public const string Email = "admin@hirakawa.example";
    public const string Password = "hirakawa-demo-portal";
    private const string Tenant = "hirakawa";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (tenants.Find(Tenant) is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        if (await users.FindByEmailAsync(Email) is not null)
        {
            return;
        }

        var account = new StaffAccount { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "平川市 管理者（デモ）", CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(account, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        db.Set<TenantMembership>().Add(new TenantMembership
        {
            UserId = account.Id,
            TenantSlug = Tenant,
            Roles = [StaffRoles.Admin],
            InvitedAt = clock.GetUtcNow(),
            AcceptedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
