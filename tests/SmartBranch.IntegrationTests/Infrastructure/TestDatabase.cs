using Npgsql;

namespace SmartBranch.IntegrationTests.Infrastructure;

public enum TestDatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>A database of its own for one test bed: a temporary SQLite file, or a new PostgreSQL database dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresServer;
    private readonly string? _sqliteDirectory;

    private TestDatabase(TestDatabaseKind kind, string connectionString, string? postgresServer, string? sqliteDirectory)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _postgresServer = postgresServer;
        _sqliteDirectory = sqliteDirectory;
    }

    public TestDatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public string Provider => Kind == TestDatabaseKind.Postgres ? "Postgres" : "Sqlite";

    public static async Task<TestDatabase> CreateAsync(TestDatabaseKind kind)
    {
        if (kind == TestDatabaseKind.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("smartbranch-test-").FullName;
            return new TestDatabase(kind, $"Data Source={Path.Combine(directory, "smartbranch.db")}", null, directory);
        }

        var server = TestServices.RequirePostgres();
        var name = $"smartbranch_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(kind, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            // This test bed's pool only: clearing every pool would pull connections from under test beds still running.
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString));
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
