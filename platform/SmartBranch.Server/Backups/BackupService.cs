using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Server.Persistence;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Creates encrypted backups of the whole database (every tenant) and restores them. The dump flows
/// straight into the cipher through a pipe: no unencrypted copy is ever written to disk.
/// </summary>
internal sealed partial class BackupService(
    IServiceScopeFactory scopeFactory,
    IBackupStore store,
    IOptions<BackupOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<BackupService> logger)
{
    public IBackupStore Store { get; } = store;

    /// <summary>Makes a backup; a failure is recorded in the store (the alert rules read it) and thrown.</summary>
    public async Task<BackupFile> CreateAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        BackupFile backup;
        try
        {
            var dump = Dump();
            var key = Key();
            backup = await Store.WriteAsync(dump.Provider, startedAt, file => StreamPipe.RunAsync(
                writer => dump.DumpAsync(writer, cancellationToken),
                reader => BackupEncryption.EncryptAsync(reader, file, key, cancellationToken)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Store.RecordFailureAsync(startedAt, cancellationToken);
            throw;
        }

        LogCreated(backup.Name, backup.Size);

        foreach (var expired in BackupRetentionPolicy.Expired(await Store.ListAsync(cancellationToken), options.Value.Retention))
        {
            await Store.DeleteAsync(expired, cancellationToken);
            LogPruned(expired.Name);
        }

        return backup;
    }

    /// <exception cref="InvalidOperationException">The database is not empty and <paramref name="replace"/> is false.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Wrong key, or the backup was changed or cut off.</exception>
    public async Task RestoreAsync(string name, bool replace, CancellationToken cancellationToken)
    {
        var dump = Dump();
        if (!replace && !await dump.IsEmptyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database is not empty. Stop every server process and pass --replace to overwrite it.");
        }

        await RestoreIntoAsync(dump, name, cancellationToken);
        LogRestored(name);
    }

    /// <summary>Decrypts a backup straight into a database (which must be empty, or be meant to be replaced).</summary>
    public async Task RestoreIntoAsync(DatabaseDump database, string name, CancellationToken cancellationToken)
    {
        var key = Key();
        await using var file = await Store.OpenReadAsync(name, cancellationToken);
        await StreamPipe.RunAsync(
            writer => BackupEncryption.DecryptAsync(file, writer, key, cancellationToken),
            reader => database.RestoreAsync(reader, cancellationToken));
    }

    /// <summary>The server's own database, as a dump can copy it.</summary>
    public DatabaseDump Dump()
    {
        using var scope = scopeFactory.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Database;
        return DatabaseDump.For(database.ProviderName!, database.GetConnectionString()!);
    }

    private byte[] Key() => options.Value.EncryptionKey is { Length: > 0 } configured
        ? BackupEncryption.ParseKey(configured)
        : LocalKey();

    /// <summary>Development and tests only: a key kept in the backups directory, made on first use.</summary>
    private byte[] LocalKey()
    {
        if (!environment.IsLocal())
        {
            throw new InvalidOperationException($"{BackupOptions.Section}:EncryptionKey is not set.");
        }

        var directory = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);
        var path = Path.Combine(directory, "local-development.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return BackupEncryption.ParseKey(File.ReadAllText(path));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} written ({Size} bytes).")]
    private partial void LogCreated(string name, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} removed by the retention policy.")]
    private partial void LogPruned(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup {Name} restored into the database.")]
    private partial void LogRestored(string name);
}
