using System.Globalization;
using System.Security.Cryptography;
using SmartBranch.Kernel;

namespace SmartBranch.Server.Backups;

/// <summary>
/// <c>backup</c>, <c>list-backups</c>, <c>restore NAME [--replace]</c> and <c>restore-drill</c>: what an operator
/// runs by hand.
/// </summary>
internal static class BackupCommands
{
    public static readonly IReadOnlyList<string> Names = ["backup", "list-backups", "restore", "restore-drill"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var backups = services.GetRequiredService<BackupService>();
        switch (args[0])
        {
            case "backup":
                var created = await backups.CreateAsync(CancellationToken.None);
                await output.WriteLineAsync($"{created.Name} ({created.Size:N0} bytes) in {backups.Store.Location}");
                return 0;
            case "list-backups":
                foreach (var backup in await backups.Store.ListAsync(CancellationToken.None))
                {
                    var local = JapanTime.From(backup.CreatedAt);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{backup.Name}\t{local:yyyy-MM-dd HH:mm:ss} JST\t{backup.Size:N0} bytes"));
                }

                return 0;
            case "restore-drill":
                return await DrillAsync(services.GetRequiredService<RestoreDrill>(), output);
            default:
                return await RestoreAsync(backups, args, output);
        }
    }

    private static async Task<int> DrillAsync(RestoreDrill drill, TextWriter output)
    {
        var run = await drill.RunAsync(CancellationToken.None);
        await output.WriteLineAsync(run.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"Restore drill of {run.BackupName} succeeded in {run.Duration.TotalSeconds:0.0} s.")
            : $"Restore drill failed: {run.FailureReason}");
        return run.Succeeded ? 0 : 1;
    }

    private static async Task<int> RestoreAsync(BackupService backups, string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("usage: restore NAME [--replace]   (names: list-backups)");
            return 2;
        }

        try
        {
            await backups.RestoreAsync(args[1], replace: args.Contains("--replace"), CancellationToken.None);
            await output.WriteLineAsync($"Restored {args[1]}.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or CryptographicException)
        {
            await output.WriteLineAsync($"Not restored: {e.Message}");
            return 1;
        }
    }
}
