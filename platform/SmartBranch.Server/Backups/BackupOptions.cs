namespace SmartBranch.Server.Backups;

/// <summary>Configuration section <c>Backups</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where encrypted backups are written; relative to the content root.</summary>
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
}

/// <summary>How many of the newest daily, weekly and monthly backups are kept; a backup may count as several.</summary>
public sealed class BackupRetention
{
    public int Daily { get; set; } = 14;

    public int Weekly { get; set; } = 8;

    public int Monthly { get; set; } = 12;
}
