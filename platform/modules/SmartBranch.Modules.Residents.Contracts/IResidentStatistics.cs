namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>Counts of the current tenant environment's residents, for dashboards; never who they are.</summary>
public interface IResidentStatistics
{
    Task<ResidentCounts> CountAsync(CancellationToken cancellationToken);
}

/// <param name="Friends">Residents who follow the account.</param>
/// <param name="Blocked">Residents who blocked it.</param>
public sealed record ResidentCounts(int Friends, int Blocked);
