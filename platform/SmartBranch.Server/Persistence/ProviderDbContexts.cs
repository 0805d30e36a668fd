using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Server.Scheduling;

namespace SmartBranch.Server.Persistence;

/// <summary>
/// SQLite's context: owns the migrations in <c>Persistence/Migrations/Sqlite</c>. Add one with
/// <c>dotnet ef migrations add NAME -p platform/SmartBranch.Server -c SqliteSmartBranchDbContext -o Persistence/Migrations/Sqlite</c>.
/// </summary>
public sealed class SqliteSmartBranchDbContext(
    DbContextOptions<SqliteSmartBranchDbContext> options, ICurrentTenant currentTenant, IEnumerable<IModelContribution> contributions)
    : SmartBranchDbContext(options, currentTenant, contributions)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteTurns = new();

    // SQLite admits one writer at a time, and Microsoft.Data.Sqlite waits for a busy database by
    // blocking its thread in 150 ms sleeps, which stretched webhook answers past LINE's 2 s under
    // load. The embedded default is one process, so writers queue here, asynchronously, instead.
    public override async ValueTask<IAsyncDisposable> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var turn = WriteTurnFor(Database.GetConnectionString());
        await turn.WaitAsync(cancellationToken);
        return new WriteTurn(turn);
    }

    protected override IDisposable BeginWrite()
    {
        var turn = WriteTurnFor(Database.GetConnectionString());
        turn.Wait();
        return new WriteTurn(turn);
    }

    private static SemaphoreSlim WriteTurnFor(string? connectionString) =>
        WriteTurns.GetOrAdd(connectionString ?? "", _ => new SemaphoreSlim(1, 1));

    private sealed class WriteTurn(SemaphoreSlim turn) : IAsyncDisposable, IDisposable
    {
        public ValueTask DisposeAsync()
        {
            turn.Release();
            return ValueTask.CompletedTask;
        }

        public void Dispose() => turn.Release();
    }

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
    : SmartBranchDbContext(options, currentTenant, contributions)
{
    // Quartz's clustered job store lives beside our tables; SQLite's single process schedules in memory.
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        new QuartzTables().Configure(modelBuilder);
    }
}
