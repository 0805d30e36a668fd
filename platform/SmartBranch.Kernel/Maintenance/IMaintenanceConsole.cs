namespace SmartBranch.Kernel.Maintenance;

/// <summary>The operators' console's maintenance windows. Operators only; every change is audited.</summary>
public interface IMaintenanceConsole
{
    /// <summary>Current and upcoming windows (soonest first), then the most recent past or cancelled ones.</summary>
    Task<MaintenanceWindowList> ListAsync(CancellationToken cancellationToken);

    Task<MaintenanceWindow?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <exception cref="MaintenanceRuleException">The window breaks a rule (notice, overlap, missing alternative…).</exception>
    Task<Guid> ScheduleAsync(MaintenanceWindowRequest request, CancellationToken cancellationToken);

    /// <summary>Changes a window that has not ended; the scope stays as scheduled.</summary>
    /// <exception cref="MaintenanceRuleException">Ended, cancelled, or the change breaks a rule.</exception>
    Task UpdateAsync(Guid id, MaintenanceWindowRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels an upcoming window, or ends a current one now.</summary>
    /// <exception cref="MaintenanceRuleException">Ended or cancelled already, or no reason.</exception>
    Task CancelAsync(Guid id, string reason, CancellationToken cancellationToken);
}

public sealed record MaintenanceWindowList(IReadOnlyList<MaintenanceWindow> Current, IReadOnlyList<MaintenanceWindow> Upcoming, IReadOnlyList<MaintenanceWindow> Past);
