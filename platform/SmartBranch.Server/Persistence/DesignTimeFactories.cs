using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using SmartBranch.Identity;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Server.Persistence;

/// <summary>Builds the contexts for <c>dotnet ef</c> with every module's part of the model.</summary>
internal static class DesignTimeModel
{
    public static IReadOnlyList<IModelContribution> Contributions()
    {
        var services = new ServiceCollection();
        services.AddSmartBranchIdentityModel();
        var configuration = new ConfigurationBuilder().Build();
        foreach (var module in ModuleCatalog.From(ServerModules.All).Modules)
        {
            module.AddServices(services, configuration);
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetServices<IModelContribution>().ToList();
    }

    public sealed class NoTenant : ICurrentTenant
    {
        public TenantDefinition? Tenant => null;

        public TenantContext? Context => null;

        public TenantContext Required => throw new InvalidOperationException("Design time has no tenant.");
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSmartBranchDbContext>
{
    public SqliteSmartBranchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSmartBranchDbContext>().UseSqlite("Data Source=design-time.db").Options,
            new DesignTimeModel.NoTenant(), DesignTimeModel.Contributions());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSmartBranchDbContext>
{
    public PostgresSmartBranchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSmartBranchDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options,
            new DesignTimeModel.NoTenant(), DesignTimeModel.Contributions());
}
