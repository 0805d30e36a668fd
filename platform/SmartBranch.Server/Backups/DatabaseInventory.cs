using System.Data.Common;
using System.Globalization;

namespace SmartBranch.Server.Backups;

/// <summary>The migrations a database has applied and the rows in each of its tables, read on one connection (in its transaction, if any).</summary>
internal static class DatabaseInventory
{
    private const string MigrationsHistory = "__EFMigrationsHistory";

    public static async Task<BackupManifest> ReadAsync(DbConnection connection, DbTransaction? transaction, bool sqlite, CancellationToken cancellationToken)
    {
        var tables = await QueryAsync(connection, transaction, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            r => r.GetString(0), cancellationToken);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var count = await QueryAsync(connection, transaction, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), cancellationToken);
            counts[table] = count[0];
        }

        var migrations = counts.ContainsKey(MigrationsHistory)
            // The id is the history table's first column, whatever the naming convention called it.
            ? (await QueryAsync(connection, transaction, $"SELECT * FROM \"{MigrationsHistory}\"", r => r.GetString(0), cancellationToken)).Order(StringComparer.Ordinal).ToList()
            : [];
        return new BackupManifest(migrations, counts);
    }

    private static async Task<List<T>> QueryAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
