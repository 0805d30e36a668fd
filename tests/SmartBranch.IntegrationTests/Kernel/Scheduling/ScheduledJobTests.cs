using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Scheduling;
using SmartBranch.LineEmulator;

namespace SmartBranch.IntegrationTests.Kernel.Scheduling;

/// <summary>
/// A job declared like any module's (every second, so a test sees many firings) and run by worker servers: each
/// firing runs once, on one worker, however many share the database.
/// </summary>
public abstract class ScheduledJobTests
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private protected static async Task<TestDatabase> DatabaseWithProbeTableAsync(TestDatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE {SchedulingProbe.Table} (scheduled_for bigint NOT NULL, process text NOT NULL)";
        await create.ExecuteNonQueryAsync();
        return database;
    }

    private protected static Task<LineTestBed> StartWorkerAsync(TestDatabase database, LineEmulatorServer emulator, bool rabbitMq) =>
        LineTestBed.StartAsync(database.Kind, rabbitMq: rabbitMq, database: database, emulator: emulator, configureServices: services =>
            services.AddScheduledJob<SchedulingProbe>("scheduling-probe", JobSchedule.Every(ProbeInterval), (probe, run, ct) => probe.RecordAsync(run, ct)));

    /// <summary>Every run the probe recorded: when it was due and which worker ran it.</summary>
    private protected static async Task<IReadOnlyList<(DateTimeOffset ScheduledFor, string Process)>> RunsAsync(TestDatabase database)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT scheduled_for, process FROM {SchedulingProbe.Table}";
        await using var reader = await query.ExecuteReaderAsync();
        var runs = new List<(DateTimeOffset, string)>();
        while (await reader.ReadAsync())
        {
            runs.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1)));
        }

        return runs;
    }

    private protected static void AssertEachFiringRanOnce(IReadOnlyList<(DateTimeOffset ScheduledFor, string Process)> runs)
    {
        var twice = runs.GroupBy(r => r.ScheduledFor).Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss} on {string.Join(", ", g.Select(r => r.Process))}").ToList();
        Assert.True(twice.Count == 0, $"Firings run more than once: {string.Join("; ", twice)}");
    }

    private static DbConnection Connect(TestDatabase database) => database.Kind == TestDatabaseKind.Postgres
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);
}

public sealed class SqliteScheduledJobTests : ScheduledJobTests
{
    [Fact]
    public async Task The_embedded_default_runs_each_firing_of_a_declared_job_once_in_its_single_process()
    {
        await using var database = await DatabaseWithProbeTableAsync(TestDatabaseKind.Sqlite);
        await using var emulator = await LineTestBed.StartEmulatorAsync();
        await using (var server = await StartWorkerAsync(database, emulator, rabbitMq: false))
        {
            await Eventually.TrueAsync(async () => (await RunsAsync(database)).Count >= 3, "three firings of the job");
        }

        var runs = await RunsAsync(database);
        AssertEachFiringRanOnce(runs);
        Assert.Single(runs.Select(r => r.Process).Distinct());
    }
}

[Collection(RabbitMqBroker.Name)]
public sealed class PostgresScheduledJobTests : ScheduledJobTests
{
    private const int Firings = 10;

    [Fact]
    public async Task Two_workers_on_one_database_run_each_firing_of_a_declared_job_exactly_once()
    {
        TestServices.RequireRabbitMq();
        await using var database = await DatabaseWithProbeTableAsync(TestDatabaseKind.Postgres);
        await using var emulator = await LineTestBed.StartEmulatorAsync();
        DateTimeOffset bothWorking;
        await using (var first = await StartWorkerAsync(database, emulator, rabbitMq: true))
        await using (var second = await StartWorkerAsync(database, emulator, rabbitMq: true))
        {
            await Eventually.TrueAsync(async () => await ClusterMembersAsync(first) == 2, "both workers to join the scheduler cluster");
            bothWorking = DateTimeOffset.UtcNow;
            await Eventually.TrueAsync(
                async () => (await RunsAsync(database)).Where(r => r.ScheduledFor > bothWorking).Select(r => r.ScheduledFor).Distinct().Count() >= Firings,
                $"{Firings} firings of the job while both workers run");
        }

        // Both servers have stopped (each waits for its running job), so no run is still on its way to the table.
        var runs = (await RunsAsync(database)).Where(r => r.ScheduledFor > bothWorking).ToList();
        Assert.True(runs.Count >= Firings);
        AssertEachFiringRanOnce(runs);
    }

    private static async Task<long> ClusterMembersAsync(LineTestBed bed)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        return await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM {SchedulingServiceCollectionExtensions.TablePrefix}scheduler_state").SingleAsync();
    }
}

/// <summary>The test's job: records each run in a table of its own.</summary>
internal sealed class SchedulingProbe(SmartBranchDbContext db)
{
    public const string Table = "scheduling_probe_runs";

    public async Task RecordAsync(ScheduledJobRun run, CancellationToken cancellationToken)
    {
        var scheduledFor = run.ScheduledFor!.Value.ToUnixTimeMilliseconds();
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO scheduling_probe_runs (scheduled_for, process) VALUES ({scheduledFor}, {run.Process})", cancellationToken);
        }
    }
}
