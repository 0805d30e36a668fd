using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SmartBranch.Server.Backups;

/// <summary>A consistent copy of the whole database as one stream, and its way back.</summary>
internal abstract class DatabaseDump
{
    public abstract string Provider { get; }

    /// <summary>Writes the dump and returns what it holds, counted in the same snapshot.</summary>
    public abstract Task<BackupManifest> DumpAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>Replaces the database's content with the dump's.</summary>
    public abstract Task RestoreAsync(Stream source, CancellationToken cancellationToken);

    public abstract Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>The migrations and row counts of the database as it is now.</summary>
    public abstract Task<BackupManifest> ReadInventoryAsync(CancellationToken cancellationToken);

    /// <summary>A new, empty database beside this one for a restore drill, deleted when disposed.</summary>
    public abstract Task<ScratchDatabase> CreateScratchAsync(CancellationToken cancellationToken);

    public static DatabaseDump For(string providerName, string connectionString) =>
        providerName.Contains("Npgsql", StringComparison.Ordinal)
            ? new PostgresDump(connectionString)
            : new SqliteDump(connectionString);
}

/// <summary>A database made for a restore drill; disposing it deletes it.</summary>
internal sealed class ScratchDatabase(DatabaseDump database, Func<Task> delete) : IAsyncDisposable
{
    public DatabaseDump Database { get; } = database;

    public async ValueTask DisposeAsync() => await delete();
}

/// <summary>SQLite's online backup API: a consistent copy while the server keeps writing.</summary>
internal sealed class SqliteDump(string connectionString) : DatabaseDump
{
    public override string Provider => "sqlite";

    public override async Task<BackupManifest> DumpAsync(Stream destination, CancellationToken cancellationToken)
    {
        var copy = Path.GetTempFileName();
        try
        {
            BackupManifest manifest;
            await using (var source = new SqliteConnection(connectionString))
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
                manifest = await DatabaseInventory.ReadAsync(target, null, sqlite: true, cancellationToken);
            }

            await using var file = File.OpenRead(copy);
            await file.CopyToAsync(destination, cancellationToken);
            return manifest;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    public override async Task RestoreAsync(Stream source, CancellationToken cancellationToken)
    {
        var copy = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(copy))
            {
                await source.CopyToAsync(file, cancellationToken);
            }

            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await using var target = new SqliteConnection(connectionString);
            await backup.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            backup.BackupDatabase(target);
        }
        finally
        {
            // The restored database's pool only: a drill restores inside a running server, whose own pool stays.
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            File.Delete(copy);
        }
    }

    public override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    public override async Task<BackupManifest> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await DatabaseInventory.ReadAsync(connection, null, sqlite: true, cancellationToken);
    }

    public override Task<ScratchDatabase> CreateScratchAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"smartbranch-drill-{Guid.NewGuid():N}.db");
        var scratch = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        return Task.FromResult(new ScratchDatabase(new SqliteDump(scratch), () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            return Task.CompletedTask;
        }));
    }
}

/// <summary>
/// <c>pg_dump</c> in its custom format and <c>pg_restore</c>, from PostgreSQL's client tools on PATH.
/// The password travels in the child's environment, never on its command line.
/// </summary>
internal sealed class PostgresDump(string connectionString) : DatabaseDump
{
    public override string Provider => "postgres";

    /// <summary>Counts the rows in a transaction whose snapshot <c>pg_dump</c> then dumps, so the manifest and the dump agree.</summary>
    public override async Task<BackupManifest> DumpAsync(Stream destination, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var manifest = await DatabaseInventory.ReadAsync(connection, transaction, sqlite: false, cancellationToken);
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}"], stdin: null, stdout: destination, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return manifest;
    }

    public override Task RestoreAsync(Stream source, CancellationToken cancellationToken) =>
        RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", Database.Database!],
            stdin: source, stdout: null, cancellationToken);

    public override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 0;
    }

    public override async Task<BackupManifest> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await DatabaseInventory.ReadAsync(connection, null, sqlite: false, cancellationToken);
    }

    /// <summary>A database <c>smartbranch_drill_…</c> on the same server (the role needs CREATEDB), dropped with its connections.</summary>
    public override async Task<ScratchDatabase> CreateScratchAsync(CancellationToken cancellationToken)
    {
        var name = $"smartbranch_drill_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        var scratch = new NpgsqlConnectionStringBuilder(connectionString) { Database = name, Pooling = false }.ConnectionString;
        return new ScratchDatabase(new PostgresDump(scratch), () => ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None));
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlConnectionStringBuilder Database => new(connectionString);

    private async Task RunAsync(string tool, string[] arguments, Stream? stdin, Stream? stdout, CancellationToken cancellationToken)
    {
        var settings = Database;
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = stdout is not null,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = settings.Database;
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password ?? Environment.GetEnvironmentVariable("PGPASSWORD");
        start.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var copyIn = stdin is null ? Task.CompletedTask : CopyAndCloseAsync(stdin, process.StandardInput.BaseStream, cancellationToken);
        var copyOut = stdout is null ? Task.CompletedTask : process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken);
        await Task.WhenAll(copyIn, copyOut);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }

    private static async Task CopyAndCloseAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        await using (target)
        {
            await source.CopyToAsync(target, cancellationToken);
        }
    }
}
