using Npgsql;

namespace SmartBranch.Benchmarks;

/// <summary>A throwaway database: a SQLite file, or a new PostgreSQL database on the given server.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _postgresServer;

    private BenchmarkDatabase(string provider, string connectionString, string? postgresServer, string directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresServer = postgresServer;
        Directory = directory;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder for the run's files (the SQLite database, certificates).</summary>
    public string Directory { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string? postgresServer)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("smartbranch-bench-").FullName;
        if (postgresServer is null)
        {
            return new BenchmarkDatabase("Sqlite", $"Data Source={Path.Combine(directory, "bench.db")}", null, directory);
        }

        var name = $"smartbranch_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(postgresServer);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new BenchmarkDatabase("Postgres", new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString, postgresServer, directory);
    }

    public async ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);

        if (_postgresServer is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand(
                $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
