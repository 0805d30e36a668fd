namespace SmartBranch.Kernel.Incidents;

/// <summary>When each alert rule fires: configuration section <c>Incidents</c>, read wherever a rule lives.</summary>
public sealed class AlertThresholds
{
    public const string Section = "Incidents";

    /// <summary>Webhooks LINE sent that we refused (bad signature) or failed (5xx), per tenant environment.</summary>
    public WindowedCount WebhookFailures { get; set; } = new() { Window = TimeSpan.FromMinutes(15), Threshold = 10 };

    /// <summary>LINE refusing a tenant's channel access token (401): revoked or reissued; one is enough.</summary>
    public WindowedCount LineAuthenticationErrors { get; set; } = new() { Window = TimeSpan.FromMinutes(30), Threshold = 1 };

    public ErrorRateThreshold ErrorRate { get; set; } = new();

    /// <summary>A send in progress with no batch stored or confirmed for this long.</summary>
    public TimeSpan DeliveryStuckAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The newest backup is older than this (the daily backup plus two hours' grace).</summary>
    public TimeSpan BackupMaxAge { get; set; } = TimeSpan.FromHours(26);

    public DiskSpaceThreshold DiskSpace { get; set; } = new();
}

public sealed class WindowedCount
{
    public TimeSpan Window { get; set; }

    /// <summary>Fires at this many within the window.</summary>
    public int Threshold { get; set; }
}

/// <summary>The server's 5xx answers as a share of all its answers over a window, once there is enough traffic to judge.</summary>
public sealed class ErrorRateThreshold
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    public int MinimumRequests { get; set; } = 50;

    public double Percent { get; set; } = 5;
}

public sealed class DiskSpaceThreshold
{
    /// <summary>Fires when the volume holding the data directory (the SQLite database, backups) has less free than this.</summary>
    public double MinimumFreePercent { get; set; } = 10;

    /// <summary>Directories whose volumes are watched; relative to the content root. Default: <c>.data</c>.</summary>
    public List<string> Paths { get; set; } = [];
}
