using System.IO.Pipelines;
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
    IOptions<BackupOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<BackupService> logger)
{
    public BackupStore Store { get; } = new(Path.GetFullPath(options.Value.Directory, environment.ContentRootPath));

    /// <summary>Makes a backup; a failure is recorded in the store (the alert rules read it) and thrown.</summary>
    public async Task<BackupFile> CreateAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        BackupFile backup;
        try
        {
            var dump = Dump();
            var key = Key();
            backup = await Store.WriteAsync(dump.Provider, startedAt, file => ThroughPipeAsync(
                writer => dump.DumpAsync(writer, cancellationToken),
                reader => BackupEncryption.EncryptAsync(reader, file, key, cancellationToken)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Store.RecordFailure(startedAt);
            throw;
        }

        LogCreated(backup.Name, backup.Size);

        foreach (var expired in BackupRetentionPolicy.Expired(Store.List(), options.Value.Retention))
        {
            Store.Delete(expired);
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

        var key = Key();
        await using var file = Store.OpenRead(name);
        await ThroughPipeAsync(
            writer => BackupEncryption.DecryptAsync(file, writer, key, cancellationToken),
            reader => dump.RestoreAsync(reader, cancellationToken));
        LogRestored(name);
    }

    private DatabaseDump Dump()
    {
        using var scope = scopeFactory.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Database;
        return DatabaseDump.For(database.ProviderName!, database.GetConnectionString()!);
    }

    private byte[] Key() => options.Value.EncryptionKey is { Length: > 0 } configured
        ? BackupEncryption.ParseKey(configured)
        : LocalKey();

    /// <summary>Development and tests only: a key kept beside the backups, made on first use.</summary>
    private byte[] LocalKey()
    {
        if (!environment.IsLocal())
        {
            throw new InvalidOperationException($"{BackupOptions.Section}:EncryptionKey is not set.");
        }

        var path = Path.Combine(Store.Directory, "local-development.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Store.Directory);
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return BackupEncryption.ParseKey(File.ReadAllText(path));
    }

    /// <summary>Runs a producer writing into a pipe and a consumer reading from it at once; either failing fails both.</summary>
    private static async Task ThroughPipeAsync(Func<Stream, Task> produce, Func<Stream, Task> consume)
    {
        var pipe = new Pipe();
        await Task.WhenAll(
            RunAsync(pipe.Writer.AsStream(), produce, pipe.Writer.CompleteAsync),
            RunAsync(pipe.Reader.AsStream(), consume, pipe.Reader.CompleteAsync));
    }

    /// <summary>Works on one end of the pipe; a failure completes that end with it, so the other end stops too.</summary>
    private static async Task RunAsync(Stream end, Func<Stream, Task> work, Func<Exception?, ValueTask> completeWithError)
    {
        await using (end)
        {
            try
            {
                await work(end);
            }
            catch (Exception e)
            {
                await completeWithError(e);
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} written ({Size} bytes).")]
    private partial void LogCreated(string name, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} removed by the retention policy.")]
    private partial void LogPruned(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup {Name} restored into the database.")]
    private partial void LogRestored(string name);
}
