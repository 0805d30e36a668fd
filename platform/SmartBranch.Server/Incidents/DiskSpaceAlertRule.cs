using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Storage;
using SmartBranch.Server.Backups;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// A volume holding the data directory (the embedded default's database, uploads) or the backups has less
/// free space than <see cref="DiskSpaceThreshold.MinimumFreePercent"/>. One alert per volume, however many paths it holds.
/// </summary>
internal sealed class DiskSpaceAlertRule(IOptions<AlertThresholds> thresholds, IOptions<BackupOptions> backupOptions, IHostEnvironment environment) : IAlertRule
{
    private const string DefaultDataDirectory = ".data";

    public string Id => "disk-space";

    public Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = thresholds.Value.DiskSpace;
        var paths = threshold.Paths.Count > 0 ? threshold.Paths
            : backupOptions.Value.Store == StoreKind.Directory ? [DefaultDataDirectory, backupOptions.Value.Directory]
            : [DefaultDataDirectory];
        IReadOnlyList<FiringAlert> alerts = paths
            .Select(path => NearestExisting(Path.GetFullPath(path, environment.ContentRootPath)))
            .OfType<string>()
            .Select(VolumeOf)
            .OfType<DriveInfo>()
            .DistinctBy(drive => drive.RootDirectory.FullName)
            .Where(drive => drive.TotalSize > 0 && drive.AvailableFreeSpace * 100.0 / drive.TotalSize < threshold.MinimumFreePercent)
            .Select(drive => new FiringAlert(Id, null, null, "ディスクの空き容量不足",
                $"ボリューム {drive.RootDirectory.FullName} の空きが {drive.AvailableFreeSpace * 100.0 / drive.TotalSize:0.#}%（{drive.AvailableFreeSpace / (1024 * 1024)} MB）です（しきい値 {threshold.MinimumFreePercent:0.#}%）。古いファイルの削除か容量の拡張をしてください。",
                drive.RootDirectory.FullName))
            .ToList();
        return Task.FromResult(alerts);
    }

    /// <summary>The mounted volume holding the path: the one with the longest root it starts with.</summary>
    private static DriveInfo? VolumeOf(string path) =>
        DriveInfo.GetDrives()
            .Where(drive => drive.IsReady && path.StartsWith(drive.RootDirectory.FullName, StringComparison.Ordinal))
            .MaxBy(drive => drive.RootDirectory.FullName.Length);

    /// <summary>The path, or its nearest existing parent (a directory not yet created is on its parent's volume).</summary>
    private static string? NearestExisting(string path)
    {
        for (var current = path; current is not null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                return current;
            }
        }

        return null;
    }
}
