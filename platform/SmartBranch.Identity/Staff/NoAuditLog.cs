using SmartBranch.Kernel.Audit;

namespace SmartBranch.Identity.Staff;

/// <summary>Stands in only while no real audit log is registered, so identity works before the audit log does.</summary>
internal sealed class NoAuditLog : IAuditLog
{
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
