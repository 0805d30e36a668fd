using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Backups;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Server.Persistence;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Proves the newest backup can be restored: it is decrypted (AES-GCM refuses a changed or cut-off file) into
/// a scratch database made for the drill and deleted after it, and that database must hold exactly the
/// migrations and the row count of every table that the backup's manifest recorded at backup time, with no
/// migration this server does not know. Each run is recorded, success or failure with its reason.
/// </summary>
internal sealed partial class RestoreDrill(
    BackupService backups, IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<RestoreDrill> logger)
{
    public const string JobName = "restore-drill";
    private const int MaxReasonLength = 2000;

    public async Task<RestoreDrillRun> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        BackupFile? backup = null;
        string? failure;
        try
        {
            backup = await backups.Store.NewestAsync(cancellationToken);
            failure = backup is null
                ? $"バックアップが 1 つもありません（{backups.Store.Location}）。"
                : await DrillAsync(backup, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = $"復元できませんでした: {e.GetType().Name}: {e.Message}";
        }

        var run = new RestoreDrillRun
        {
            Id = Guid.NewGuid(),
            StartedAt = startedAt,
            BackupName = backup?.Name,
            DurationMilliseconds = (long)clock.GetElapsedTime(started).TotalMilliseconds,
            Succeeded = failure is null,
            FailureReason = failure is { Length: > MaxReasonLength } ? failure[..MaxReasonLength] : failure,
        };
        await RecordAsync(run, cancellationToken);
        if (failure is null)
        {
            LogSucceeded(run.BackupName!, run.Duration);
        }
        else
        {
            LogFailed(run.BackupName ?? "-", failure);
        }

        return run;
    }

    /// <summary>The latest drill; null when none has run.</summary>
    public async Task<RestoreDrillRun?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Set<RestoreDrillRun>().AsNoTracking()
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <returns>Why the restored database is not what the backup recorded; null when it is.</returns>
    private async Task<string?> DrillAsync(BackupFile backup, CancellationToken cancellationToken)
    {
        if (await backups.Store.ReadManifestAsync(backup, cancellationToken) is not { } manifest)
        {
            return $"{backup.Name} にマニフェストがありません。";
        }

        BackupManifest restored;
        await using (var scratch = await backups.Dump().CreateScratchAsync(cancellationToken))
        {
            await backups.RestoreIntoAsync(scratch.Database, backup.Name, cancellationToken);
            restored = await scratch.Database.ReadInventoryAsync(cancellationToken);
        }

        if (!restored.Migrations.SequenceEqual(manifest.Migrations))
        {
            return $"復元したデータベースのマイグレーション（{restored.Migrations.Count} 件）がバックアップの記録（{manifest.Migrations.Count} 件）と違います。";
        }

        var unknown = restored.Migrations.Except(KnownMigrations()).ToList();
        if (unknown.Count > 0)
        {
            return $"このサーバーの知らないマイグレーションがあります: {string.Join(", ", unknown)}";
        }

        var differing = manifest.RowCounts.Keys.Union(restored.RowCounts.Keys)
            .Where(table => manifest.RowCounts.GetValueOrDefault(table, -1) != restored.RowCounts.GetValueOrDefault(table, -1))
            .Order(StringComparer.Ordinal)
            .Select(table => $"{table}（記録 {Count(manifest, table)}、復元 {Count(restored, table)}）")
            .ToList();
        return differing.Count > 0 ? $"行数が記録と違う表があります: {string.Join("、", differing)}" : null;
    }

    private static string Count(BackupManifest manifest, string table) =>
        manifest.RowCounts.TryGetValue(table, out var count) ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "なし";

    private List<string> KnownMigrations()
    {
        using var scope = scopeFactory.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Database.GetMigrations().ToList();
    }

    private async Task RecordAsync(RestoreDrillRun run, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restore drill of {Name} succeeded in {Duration}.")]
    private partial void LogSucceeded(string name, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restore drill of {Name} failed: {Reason}")]
    private partial void LogFailed(string name, string reason);
}
