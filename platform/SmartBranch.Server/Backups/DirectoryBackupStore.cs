using System.Globalization;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Backups as files in one directory: written under a temporary name and renamed once the backup and its
/// manifest are complete, so a crash mid-backup never leaves a file that looks whole.
/// </summary>
internal sealed class DirectoryBackupStore(string directory) : IBackupStore
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string Directory { get; } = directory;

    public string Location => Directory;

    public Task<IReadOnlyList<BackupFile>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<BackupFile> backups = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "smartbranch-*" + BackupFile.Extension)
                .Select(path => new FileInfo(path))
                .Select(file => BackupFile.Parse(file.Name, file.Length))
                .OfType<BackupFile>()
                .OrderByDescending(b => b.CreatedAt)
                .ToList()
            : [];
        return Task.FromResult(backups);
    }

    public async Task<BackupFile> WriteAsync(string provider, DateTimeOffset createdAt, Func<Stream, Task<BackupManifest>> write, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = BackupFile.NameFor(provider, createdAt);
        var path = Path.Combine(Directory, name);
        var partial = path + ".partial";
        try
        {
            BackupManifest manifest;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                manifest = await write(file);
                await file.FlushAsync(cancellationToken);
            }

            await File.WriteAllBytesAsync(Path.Combine(Directory, BackupFile.ManifestNameOf(name)), manifest.ToJson(), cancellationToken);
            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }

        return BackupFile.Parse(name, new FileInfo(path).Length)!;
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, Path.GetFileName(name));
        return File.Exists(path) && BackupFile.Parse(Path.GetFileName(path), 0) is not null
            ? Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            : throw new FileNotFoundException($"No backup named {name} in {Directory}.");
    }

    public async Task<BackupManifest?> ReadManifestAsync(BackupFile backup, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, backup.ManifestName);
        return File.Exists(path) ? BackupManifest.FromJson(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
    }

    public Task DeleteAsync(BackupFile backup, CancellationToken cancellationToken)
    {
        File.Delete(Path.Combine(Directory, backup.Name));
        File.Delete(Path.Combine(Directory, backup.ManifestName));
        return Task.CompletedTask;
    }

    public async Task RecordFailureAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(FailurePath, FormatTime(startedAt), cancellationToken);
    }

    public async Task<DateTimeOffset?> LastFailureAsync(CancellationToken cancellationToken) =>
        File.Exists(FailurePath) && ParseTime(await File.ReadAllTextAsync(FailurePath, cancellationToken)) is { } at ? at : null;

    /// <summary>The failure note's time format, shared with the S3 store.</summary>
    public static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private string FailurePath => Path.Combine(Directory, "last-failure");
}
