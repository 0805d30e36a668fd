using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Scheduling;
using SmartBranch.Server.Backups;

namespace SmartBranch.IntegrationTests.Operations;

/// <summary>A backup restored into an empty database gives back every row of every table.</summary>
public abstract class BackupRestoreTests(TestDatabaseKind kind)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_holds_exactly_the_same_data()
    {
        var backups = Directory.CreateTempSubdirectory("smartbranch-backups-").FullName;
        var settings = new Dictionary<string, string?> { ["Backups:Directory"] = backups };
        BackupFile backup;
        IReadOnlyDictionary<string, string> before, after;
        await using (var source = await LineTestBed.StartAsync(kind, extraSettings: settings))
        {
            foreach (var name in new[] { "平川 一郎", "尾上 花子" })
            {
                var userId = await source.CreateLineUserAsync(name);
                await source.SimulateAsync(LineTestBed.HirakawaStaging, userId, new JsonObject { ["type"] = "follow" });
            }

            await source.WaitUntilIdleAsync();
            var service = source.App.Services.GetRequiredService<BackupService>();
            before = await SnapshotAsync(source.Database);
            backup = await service.CreateAsync(default);
            after = await SnapshotAsync(source.Database);

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => service.RestoreAsync(backup.Name, replace: false, default));
            Assert.Contains("--replace", refusal.Message, StringComparison.Ordinal);
        }

        await using var empty = await TestDatabase.CreateAsync(kind);
        var (exitCode, output) = await RunServerCommandAsync(empty, backups, new Dictionary<string, string?>(), "restore", backup.Name);
        Assert.True(exitCode == 0, output);

        var restored = await SnapshotAsync(empty);
        Assert.Contains(after.Keys, table => table.Contains("residents", StringComparison.Ordinal));
        Assert.Equal(after.Keys.Order(), restored.Keys.Order());
        // The running server keeps writing (request counts every 15 s), so a table must be as it was just before or
        // just after the backup. Quartz's tables are restored too, but their rows change with every check-in and
        // firing; the workers declare the schedule again when they start on the restored database.
        foreach (var (table, rows) in after.Where(t => !t.Key.StartsWith(SchedulingServiceCollectionExtensions.TablePrefix, StringComparison.Ordinal)))
        {
            Assert.True(restored[table] == rows || restored[table] == before[table], $"{table} differs after the restore");
        }

        Assert.Equal(after.Where(t => t.Key.Contains("residents", StringComparison.Ordinal)), restored.Where(t => t.Key.Contains("residents", StringComparison.Ordinal)));
    }

    /// <summary>The server's own command, as an operator runs it: <c>SmartBranch.Server restore NAME</c>.</summary>
    /// <param name="settings">Configuration on top of the database and the backups directory (which also holds the test key).</param>
    internal static async Task<(int ExitCode, string Output)> RunServerCommandAsync(
        TestDatabase database, string backups, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "SmartBranch.Server.exe" : "SmartBranch.Server"))
        {
            WorkingDirectory = backups,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["Backups__Directory"] = backups;
        start.Environment["Emulator__Embedded"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Every table's rows, each rendered as text and sorted, so the comparison needs no knowledge of the schema.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> SnapshotAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Kind == TestDatabaseKind.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Kind == TestDatabaseKind.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = string.Join('\n', rows);
        }

        return snapshot;
    }
}

public sealed class SqliteBackupRestoreTests() : BackupRestoreTests(TestDatabaseKind.Sqlite);

public sealed class PostgresBackupRestoreTests : BackupRestoreTests
{
    public PostgresBackupRestoreTests() : base(TestDatabaseKind.Postgres) => TestServices.RequirePostgres();
}
