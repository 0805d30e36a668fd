using SmartBranch.Kernel.Storage;

namespace SmartBranch.Server.Backups;

/// <summary>Configuration section <c>Backups</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    public StoreKind Store { get; set; } = StoreKind.Directory;

    /// <summary>The bucket when <see cref="Store"/> is <see cref="StoreKind.S3"/>.</summary>
    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>
    /// Where encrypted backups are written when <see cref="Store"/> is <see cref="StoreKind.Directory"/>; relative to
    /// the content root. Development's generated key is kept here whatever the store.
    /// </summary>
    public string Directory { get; set; } = ".data/backups";

    /// <summary>
    /// Base64 of 32 random bytes (AES-256-GCM). Required outside Development and Testing; kept apart from
    /// the backups (a secret store), or whoever holds a backup holds every resident's data.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Worker processes back up daily (off in the tests' hosts, which back up when a test says so).</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>When the daily backup runs, in Japan time (a quiet hour for a city).</summary>
    public TimeSpan DailyAt { get; set; } = TimeSpan.FromHours(3);

    public BackupRetention Retention { get; set; } = new();

    public RestoreDrillOptions Drill { get; set; } = new();
}

/// <summary>The restore drill (<c>Backups:Drill</c>): the newest backup restored into a scratch database and checked.</summary>
public sealed class RestoreDrillOptions
{
    /// <summary>Worker processes drill on their own where backups are scheduled.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>The weekday of the weekly drill, in Japan time.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Sunday;

    /// <summary>When the drill runs, in Japan time: after the daily backup, before the city's day.</summary>
    public TimeSpan At { get; set; } = TimeSpan.FromHours(5);

    /// <summary>A drill is overdue when the latest is older than a week and a day.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(8);
}

/// <summary>How many of the newest daily, weekly and monthly backups are kept; a backup may count as several.</summary>
public sealed class BackupRetention
{
    public int Daily { get; set; } = 14;

    public int Weekly { get; set; } = 8;

    public int Monthly { get; set; } = 12;
}
