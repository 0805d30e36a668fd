using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Identity.Persistence;

/// <summary>
/// ASP.NET Core Identity's and OpenIddict's tables in the shared context, prefixed <c>identity_</c>.
/// The Identity mapping is what <c>IdentityDbContext</c> would configure; we cannot derive from it
/// because the context is composed from modules.
/// </summary>
public sealed class IdentityModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        ConfigureAccounts(modelBuilder);
        ConfigureRoles(modelBuilder);
        modelBuilder.ApplyConfiguration(new TenantMembershipConfiguration());

        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("identity_oidc_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("identity_oidc_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("identity_oidc_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("identity_oidc_tokens");
    }

    private static void ConfigureAccounts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StaffAccount>(b =>
        {
            b.ToTable("identity_accounts");
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.PhoneNumber).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserClaim<string>>(b =>
        {
            b.ToTable("identity_account_claims");
            b.HasKey(c => c.Id);
        });
        modelBuilder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.ToTable("identity_account_logins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        });
        modelBuilder.Entity<IdentityUserToken<string>>(b =>
        {
            b.ToTable("identity_account_tokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        });
    }

    private static void ConfigureRoles(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdentityRole>(b =>
        {
            b.ToTable("identity_roles");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.NormalizedName).IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(r => r.Name).HasMaxLength(256);
            b.Property(r => r.NormalizedName).HasMaxLength(256);
            b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });
        modelBuilder.Entity<IdentityRoleClaim<string>>(b =>
        {
            b.ToTable("identity_role_claims");
            b.HasKey(c => c.Id);
        });
        modelBuilder.Entity<IdentityUserRole<string>>(b =>
        {
            b.ToTable("identity_account_roles");
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
    }
}
