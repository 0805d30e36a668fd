using System.Globalization;

namespace SmartBranch.Server.Backups;

/// <summary>One encrypted backup file: <c>smartbranch-{provider}-{UTC time}.sbbk</c>.</summary>
public sealed record BackupFile(string Name, string Provider, DateTimeOffset CreatedAt, long Size);

/// <summary>
/// Backups as files in one directory: written under a temporary name and renamed when complete, so
/// a crash mid-backup never leaves a file that looks whole; pruned by the retention policy.
/// </summary>
internal sealed class BackupStore(string directory)
{
    private const string Extension = ".sbbk";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string Directory { get; } = directory;

    public IReadOnlyList<BackupFile> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(Directory, "smartbranch-*" + Extension)
            .Select(path => Parse(new FileInfo(path)))
            .OfType<BackupFile>()
            .OrderByDescending(b => b.CreatedAt)
            .ToList();
    }

    public async Task<BackupFile> WriteAsync(string provider, DateTimeOffset createdAt, Func<Stream, Task> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"smartbranch-{provider.ToLowerInvariant()}-{createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}{Extension}";
        var path = Path.Combine(Directory, name);
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file);
                await file.FlushAsync();
            }

            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }

        return Parse(new FileInfo(path))!;
    }

    /// <exception cref="FileNotFoundException">No backup of that name.</exception>
    public Stream OpenRead(string name)
    {
        var path = Path.Combine(Directory, Path.GetFileName(name));
        return File.Exists(path) && Parse(new FileInfo(path)) is not null
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true)
            : throw new FileNotFoundException($"No backup named {name} in {Directory}.");
    }

    public void Delete(BackupFile backup) => File.Delete(Path.Combine(Directory, backup.Name));

    /// <summary>Notes when the latest attempt that failed began; a later backup supersedes it.</summary>
    public void RecordFailure(DateTimeOffset startedAt)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(FailurePath, startedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>When the latest failed attempt began; null when none is recorded.</summary>
    public DateTimeOffset? LastFailure() =>
        File.Exists(FailurePath)
        && DateTimeOffset.TryParseExact(File.ReadAllText(FailurePath).Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private string FailurePath => Path.Combine(Directory, "last-failure");

    private static BackupFile? Parse(FileInfo file)
    {
        var parts = Path.GetFileNameWithoutExtension(file.Name).Split('-');
        return parts is ["smartbranch", var provider, var time]
            && DateTimeOffset.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt)
            ? new BackupFile(file.Name, provider, createdAt, file.Length)
            : null;
    }
}
