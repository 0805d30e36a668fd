using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Server.Persistence;

/// <summary>
/// SQLite's context: owns the migrations in <c>Persistence/Migrations/Sqlite</c>. Add one with
/// <c>dotnet ef migrations add NAME -p platform/SmartBranch.Server -c SqliteSmartBranchDbContext -o Persistence/Migrations/Sqlite</c>.
/// </summary>
public sealed class SqliteSmartBranchDbContext(
    DbContextOptions<SqliteSmartBranchDbContext> options, ICurrentTenant currentTenant, IEnumerable<IModelContribution> contributions)
    : SmartBranchDbContext(options, currentTenant, contributions)
{
    // SQLite has no DateTimeOffset type and cannot compare or order the text EF would store;
    // every stored time is UTC, so a 64-bit binary encoding orders correctly.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

/// <summary>
/// PostgreSQL's context: owns the migrations in <c>Persistence/Migrations/Postgres</c>. Add one with
/// <c>dotnet ef migrations add NAME -p platform/SmartBranch.Server -c PostgresSmartBranchDbContext -o Persistence/Migrations/Postgres</c>.
/// </summary>
public sealed class PostgresSmartBranchDbContext(
    DbContextOptions<PostgresSmartBranchDbContext> options, ICurrentTenant currentTenant, IEnumerable<IModelContribution> contributions)
    : SmartBranchDbContext(options, currentTenant, contributions);
