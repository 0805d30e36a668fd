using System.Globalization;

namespace SmartBranch.Server.Backups;

/// <summary>One encrypted backup: <c>smartbranch-{provider}-{UTC time}.sbbk</c>.</summary>
public sealed record BackupFile(string Name, string Provider, DateTimeOffset CreatedAt, long Size)
{
    public const string Extension = ".sbbk";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string NameFor(string provider, DateTimeOffset createdAt) =>
        $"smartbranch-{provider.ToLowerInvariant()}-{createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}{Extension}";

    /// <summary>The backup a file or object name stands for; null for anything else (a partial write, a manifest).</summary>
    public static BackupFile? Parse(string name, long size) =>
        name.EndsWith(Extension, StringComparison.Ordinal)
        && name[..^Extension.Length].Split('-') is ["smartbranch", var provider, var time]
        && DateTimeOffset.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt)
            ? new BackupFile(name, provider, createdAt, size)
            : null;

    /// <summary>The name of the manifest kept beside the backup.</summary>
    public string ManifestName => ManifestNameOf(Name);

    public static string ManifestNameOf(string backupName) => backupName + ".manifest.json";
}

/// <summary>
/// Where backups are kept: a directory (the embedded default) or an S3 bucket. Either way a backup appears
/// only once it and its manifest are whole, so a crash mid-write never leaves one that looks complete.
/// </summary>
internal interface IBackupStore
{
    /// <summary>Where the backups go, for operators: a directory or <c>s3://bucket/prefix</c>, never a credential.</summary>
    string Location { get; }

    /// <summary>Every complete backup, newest first.</summary>
    Task<IReadOnlyList<BackupFile>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes a backup: <paramref name="write"/> streams its content and returns the manifest of what it wrote.</summary>
    Task<BackupFile> WriteAsync(string provider, DateTimeOffset createdAt, Func<Stream, Task<BackupManifest>> write, CancellationToken cancellationToken);

    /// <exception cref="FileNotFoundException">No backup of that name.</exception>
    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>The manifest written with the backup; null when there is none.</summary>
    Task<BackupManifest?> ReadManifestAsync(BackupFile backup, CancellationToken cancellationToken);

    /// <summary>Removes a backup and its manifest.</summary>
    Task DeleteAsync(BackupFile backup, CancellationToken cancellationToken);

    /// <summary>Notes when the latest attempt that failed began; a later backup supersedes it.</summary>
    Task RecordFailureAsync(DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>When the latest failed attempt began; null when none is recorded.</summary>
    Task<DateTimeOffset?> LastFailureAsync(CancellationToken cancellationToken);
}

internal static class BackupStoreExtensions
{
    /// <summary>The newest complete backup; null when there is none.</summary>
    public static async Task<BackupFile?> NewestAsync(this IBackupStore store, CancellationToken cancellationToken) =>
        await store.ListAsync(cancellationToken) is [var newest, ..] ? newest : null;
}
