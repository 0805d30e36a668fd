namespace SmartBranch.Kernel.Persistence;

/// <summary>
/// A row that belongs to one tenant environment. <see cref="SmartBranchDbContext"/> stamps both
/// values on insert, refuses writes into another tenant, and filters every query to the current one.
/// </summary>
public interface ITenantOwned
{
    string TenantSlug { get; set; }

    string EnvironmentName { get; set; }
}
