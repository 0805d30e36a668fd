using Npgsql;

namespace SmartBranch.Server.Persistence;

/// <summary>
/// Turns across server processes for work only one may do at a time (backups, alert evaluation): a
/// session-level PostgreSQL advisory lock on a connection of its own, released when that connection closes,
/// even if the process dies.
/// The embedded default on SQLite is one process, with nobody to take turns with.
/// </summary>
internal static class DatabaseTurns
{
    public const long Backup = 0x5342_424B; // "SBBK"
    public const long AlertEvaluation = 0x5342_414C; // "SBAL"
    public const long RestoreDrill = 0x5342_4452; // "SBDR"

    /// <returns>The turn, held until disposed; null while another process holds it.</returns>
    public static async Task<IAsyncDisposable?> TryTakeAsync(string providerName, string connectionString, long key, CancellationToken cancellationToken)
    {
        if (!providerName.Contains("Npgsql", StringComparison.Ordinal))
        {
            return new NothingHeld();
        }

        // Unpooled: a pooled connection would go back to the pool still holding the lock, and keep it from
        // every other process until that connection happened to be reused.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return connection;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class NothingHeld : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
