namespace SmartBranch.Modules.Broadcast.Contracts;

/// <summary>Counts of the current tenant environment's deliveries, for dashboards.</summary>
public interface IBroadcastStatistics
{
    /// <summary>Today in Japan: sends that started (sent, sending, stopped), and those still scheduled for later today.</summary>
    Task<BroadcastDayCounts> CountTodayAsync(CancellationToken cancellationToken);
}

public sealed record BroadcastDayCounts(int Started, int Scheduled)
{
    public int Total => Started + Scheduled;
}
